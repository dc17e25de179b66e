import { withValidation, type KioskResponse } from "kiosk";
import type PaymentCollectionService from "../../../../../services/payment-collection";
import { noInput } from "../../validators";
import { paymentCollectionResponse } from "../../../../schemas";

/** Marks the whole amount authorized (paid outside Kiosk). */
export const POST = withValidation({ body: noInput, response: paymentCollectionResponse }, async (req, res: KioskResponse) => {
  res.json({ payment_collection: await req.scope.resolve<PaymentCollectionService>("paymentCollectionService").markAuthorized(req.params.id) });
});
