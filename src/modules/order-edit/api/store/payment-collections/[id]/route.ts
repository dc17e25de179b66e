import { withValidation, type KioskResponse } from "kiosk";
import type PaymentCollectionService from "../../../../services/payment-collection";
import { paymentCollectionResponse } from "../../../schemas";

export const GET = withValidation({ response: paymentCollectionResponse }, async (req, res: KioskResponse) => {
  res.json({ payment_collection: await req.scope.resolve<PaymentCollectionService>("paymentCollectionService").retrieve(req.params.id) });
});
