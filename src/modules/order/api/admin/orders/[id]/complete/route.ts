import { withValidation, type KioskResponse } from "kiosk";
import type OrderService from "../../../../../services/order";
import { noBody } from "../../validators";
import { orderResponse } from "../../../../schemas";

/** Marks the order completed: `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderService>("orderService").complete(req.params.id) });
});
