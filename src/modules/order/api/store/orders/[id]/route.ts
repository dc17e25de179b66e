import { NotFoundError, type KioskResponse, withValidation } from "kiosk";
import type OrderService from "../../../../services/order";
import { assertVisible } from "../../../../lib/visibility";
import { orderResponse } from "../../../schemas";

/** An order (a customer's only to that customer): `{ order }`. */
export const GET = withValidation({ response: orderResponse }, async (req, res: KioskResponse) => {
  const order = await req.scope
    .resolve<OrderService>("orderService")
    .retrieve(req.params.id)
    .catch((err) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
  res.json({ order: assertVisible(req, order, req.params.id) });
});
