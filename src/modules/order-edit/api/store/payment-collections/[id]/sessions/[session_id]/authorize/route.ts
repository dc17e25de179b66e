import { UnprocessableError, withValidation, type KioskResponse } from "kiosk";
import type PaymentCollectionSessionService from "../../../../../../../services/payment-collection-session";
import { noInput } from "../../../../validators";
import { paymentSessionResponse } from "../../../../../../schemas";

/** Authorizes one session: `{ payment_session }`, or a 422 `payment_authorization_failed` when the provider did not authorize it. */
export const POST = withValidation({ body: noInput, response: paymentSessionResponse }, async (req, res: KioskResponse) => {
  const { id, session_id } = req.params;
  const collection = await req.scope.resolve<PaymentCollectionSessionService>("paymentCollectionSessionService").authorize(id, [session_id]);
  const session = collection.payment_sessions.find((s) => s.id === session_id);
  if (session?.status !== "authorized") throw new UnprocessableError(`Payment session ${session_id} was not authorized`, "payment_authorization_failed");
  res.json({ payment_session: session });
});
