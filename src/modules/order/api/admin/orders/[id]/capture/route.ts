import { withValidation, type KioskResponse } from "kiosk";
import type OrderService from "../../../../../services/order";
import { noBody } from "../../validators";

/** Captures the order's authorized payments: `{ order }`. */
export const POST = withValidation({ body: noBody }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderService>("orderService").capture(req.params.id) });
});
