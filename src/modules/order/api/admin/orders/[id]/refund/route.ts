import { withValidation, type KioskResponse } from "kiosk";
import type OrderPaymentService from "../../../../../services/order-payment";
import { createRefund } from "../../validators";
import { orderResponse } from "../../../../schemas";

/** Refunds part of the captured amount (never more than is left): `{ order }`. */
export const POST = withValidation({ body: createRefund, response: orderResponse }, async (req, res: KioskResponse) => {
  const { no_notification: _n, ...input } = req.validatedBody;
  res.json({ order: await req.scope.resolve<OrderPaymentService>("orderPaymentService").refund(req.params.id, input) });
});
