import { withValidation, type KioskResponse } from "kiosk";
import type OrderService from "../../../../../services/order";
import { createRefund } from "../../validators";

/** Refunds part of the captured amount (never more than is left): `{ order }`. */
export const POST = withValidation({ body: createRefund }, async (req, res: KioskResponse) => {
  const { no_notification: _n, ...input } = req.validatedBody;
  res.json({ order: await req.scope.resolve<OrderService>("orderService").refund(req.params.id, input) });
});
