import { withValidation, type KioskResponse } from "kiosk";
import type OrderShippingService from "../../../../../services/order-shipping";
import { addShippingMethod } from "../../validators";
import { orderResponse } from "../../../../schemas";

/**
 * Sets the order's shipping method (Medusa v1 `POST /admin/orders/:id/shipping-methods`):
 * an option of the order's region at the admin's price, replacing the order's methods: `{ order }`.
 */
export const POST = withValidation({ body: addShippingMethod, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<OrderShippingService>("orderShippingService").addShippingMethod(req.params.id, req.validatedBody) });
});
