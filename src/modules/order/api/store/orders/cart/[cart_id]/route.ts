import { withValidation, type KioskResponse } from "kiosk";
import type OrderService from "../../../../../services/order";
import { assertVisible } from "../../../../../lib/visibility";
import { orderResponse } from "../../../../schemas";

/** The order made from a cart (a customer's only to that customer): `{ order }`. */
export const GET = withValidation({ response: orderResponse }, async (req, res: KioskResponse) => {
  const order = await req.scope.resolve<OrderService>("orderService").findByCart(req.params.cart_id);
  res.json({ order: assertVisible(req, order, `of cart ${req.params.cart_id}`) });
});
