import { withValidation, type KioskResponse } from "kiosk";
import type OrderPaymentService from "../../../../../services/order-payment";
import { noBody } from "../../validators";
import { orderResponse } from "../../../../schemas";

/** Captures the order's authorized payments: `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderPaymentService>("orderPaymentService").capture(req.params.id) });
});
