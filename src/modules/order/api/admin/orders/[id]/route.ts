import { retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import type OrderService from "../../../../services/order";
import { orderResponse } from "../../../schemas";
import { updateOrder } from "../validators";

/** An order with its items, shipping, payments, fulfillments, refunds and totals: `{ order }`. */
export const GET = withValidation({ query: retrieveQuery, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderService>("orderService").retrieve(req.params.id) });
});

/**
 * Updates an order (Medusa v1 `POST /admin/orders/:id`): email, billing and shipping
 * address (fields laid over the stored ones), no_notification, metadata (merged):
 * `{ order }`. A canceled or archived order is a 422.
 */
export const POST = withValidation({ body: updateOrder, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderService>("orderService").update(req.params.id, req.validatedBody) });
});
