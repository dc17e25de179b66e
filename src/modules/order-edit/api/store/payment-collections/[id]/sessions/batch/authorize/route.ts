import { withValidation, type KioskResponse } from "kiosk";
import type PaymentCollectionSessionService from "../../../../../../../services/payment-collection-session";
import { authorizeSessions } from "../../../../validators";
import { paymentCollectionResponse } from "../../../../../../schemas";

/** Authorizes the listed sessions with their providers. */
export const POST = withValidation({ body: authorizeSessions, response: paymentCollectionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<PaymentCollectionSessionService>("paymentCollectionSessionService");
  res.json({ payment_collection: await service.authorize(req.params.id, req.validatedBody.session_ids) });
});
