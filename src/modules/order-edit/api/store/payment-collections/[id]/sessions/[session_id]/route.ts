import { withValidation, type KioskResponse } from "kiosk";
import type PaymentCollectionSessionService from "../../../../../../services/payment-collection-session";
import { noInput } from "../../../validators";
import { paymentSessionResponse } from "../../../../../schemas";

/** Starts the session again with its provider. */
export const POST = withValidation({ body: noInput, response: paymentSessionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<PaymentCollectionSessionService>("paymentCollectionSessionService");
  res.json({ payment_session: await service.refresh(req.params.id, req.params.session_id) });
});
