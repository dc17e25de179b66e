import { retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import type OrderService from "../../../../services/order";
import { orderResponse } from "../../../schemas";

/** An order with its items, shipping, payments, fulfillments, refunds and totals: `{ order }`. */
export const GET = withValidation({ query: retrieveQuery, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderService>("orderService").retrieve(req.params.id) });
});
