import { withValidation, type KioskResponse } from "kiosk";
import type OrderCancellationService from "../../../../../services/order-cancellation";
import { noBody } from "../../validators";
import { orderResponse } from "../../../../schemas";

/** Cancels an order without refunds or active fulfillments; stock and payments are given back: `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderCancellationService>("orderCancellationService").cancel(req.params.id) });
});
