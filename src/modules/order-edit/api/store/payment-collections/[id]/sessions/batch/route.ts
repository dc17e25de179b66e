import { withValidation, type KioskResponse } from "kiosk";
import type PaymentCollectionSessionService from "../../../../../../services/payment-collection-session";
import { setSessions } from "../../../validators";
import { paymentCollectionResponse } from "../../../../../schemas";

/** The collection's sessions become these; their amounts add up to the collection's. */
export const POST = withValidation({ body: setSessions, response: paymentCollectionResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<PaymentCollectionSessionService>("paymentCollectionSessionService");
  res.json({ payment_collection: await service.setSessions(req.params.id, req.validatedBody.sessions) });
});
