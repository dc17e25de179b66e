import { withValidation, type KioskResponse } from "kiosk";
import { refundPayment } from "../../validators";
import { refundResponse } from "../../../../schemas";

/** Refunds part of one payment, the order claimed as for its refunds: `{ refund }`. */
export const POST = withValidation({ body: refundPayment, response: refundResponse }, async (req, res: KioskResponse) => {
  res.json({ refund: await req.scope.resolve("orderPaymentService").refundPayment(req.params.id, req.validatedBody) });
});
