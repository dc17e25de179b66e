import { NotFoundError, type KioskRequest, type KioskResponse } from "kiosk";
import type OrderService from "../../../../services/order";
import { assertVisible } from "../../../../lib/visibility";

/** An order (a customer's only to that customer): `{ order }`. */
export async function GET(req: KioskRequest, res: KioskResponse) {
  const order = await req.scope
    .resolve<OrderService>("orderService")
    .retrieve(req.params.id)
    .catch((err) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
  res.json({ order: assertVisible(req, order, req.params.id) });
}
