import { withValidation, type KioskResponse } from "kiosk";
import { noInput } from "../../validators";
import { paymentResponse } from "../../../../schemas";

/** Captures one payment of an order, the order claimed as for its capture. */
export const POST = withValidation({ body: noInput, response: paymentResponse }, async (req, res: KioskResponse) => {
  res.json({ payment: await req.scope.resolve("orderPaymentService").capturePayment(req.params.id) });
});
