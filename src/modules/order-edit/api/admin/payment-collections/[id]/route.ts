import { responses, withValidation, type KioskResponse } from "kiosk";
import type PaymentCollectionService from "../../../../services/payment-collection";
import { updatePaymentCollection } from "../validators";
import { paymentCollectionResponse } from "../../../schemas";

export const GET = withValidation({ response: paymentCollectionResponse }, async (req, res: KioskResponse) => {
  res.json({ payment_collection: await req.scope.resolve<PaymentCollectionService>("paymentCollectionService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updatePaymentCollection, response: paymentCollectionResponse }, async (req, res: KioskResponse) => {
  res.json({ payment_collection: await req.scope.resolve<PaymentCollectionService>("paymentCollectionService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<PaymentCollectionService>("paymentCollectionService").delete(req.params.id);
  res.json({ id: req.params.id, object: "payment_collection", deleted: true });
});
