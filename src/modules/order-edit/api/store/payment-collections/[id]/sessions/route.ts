import { withValidation, type KioskResponse } from "kiosk";
import type PaymentCollectionSessionService from "../../../../../services/payment-collection-session";
import { setSession } from "../../validators";
import { paymentCollectionResponse } from "../../../../schemas";

/** A session with one provider for the whole amount. */
export const POST = withValidation({ body: setSession, response: paymentCollectionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<PaymentCollectionSessionService>("paymentCollectionSessionService");
  res.json({ payment_collection: await service.setSession(req.params.id, req.validatedBody.provider_id) });
});
