import { withValidation, type KioskResponse } from "kiosk";
import type OrderService from "../../../../../services/order";
import { noBody } from "../../validators";

/** Cancels an order without active fulfillments; stock and payments are given back: `{ order }`. */
export const POST = withValidation({ body: noBody }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderService>("orderService").cancel(req.params.id) });
});
