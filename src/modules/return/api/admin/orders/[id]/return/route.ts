import { withValidation, type KioskResponse } from "kiosk";
import type ReturnService from "../../../../../services/return";
import { adminCreateReturn } from "../../../../validators";
import { orderWithReturns } from "../../../../schemas";

/**
 * Requests a return of the order's shipped items (Medusa v1's
 * `POST /admin/orders/:id/return`), received at once with `receive_now`: `{ order }`.
 */
export const POST = withValidation({ body: adminCreateReturn, response: orderWithReturns }, async (req, res: KioskResponse) => {
  const { receive_now, refund, location_id: _l, ...input } = req.validatedBody;
  const returns = req.scope.resolve<ReturnService>("returnService");
  const requested = await returns.request({ ...input, refund, order_id: req.params.id });
  if (receive_now) await returns.receive(requested.id, { items: requested.items.map((i) => ({ item_id: i.item_id, quantity: i.quantity })), refund });
  res.json({ order: await req.scope.resolve("orderService").retrieve(req.params.id) });
});
