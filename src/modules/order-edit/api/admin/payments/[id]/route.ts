import { NotFoundError, withValidation, type KioskResponse } from "kiosk";
import { paymentResponse } from "../../../schemas";

/** A payment (an order's, or a payment collection's): `{ payment }`. */
export const GET = withValidation({ response: paymentResponse }, async (req, res: KioskResponse) => {
  const [payment] = await req.scope.resolve("paymentService").listByIds([req.params.id]);
  if (!payment) throw new NotFoundError(`Payment with id ${req.params.id} was not found`, "payment_not_found");
  res.json({ payment });
});
