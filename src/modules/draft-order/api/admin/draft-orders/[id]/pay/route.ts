import { withValidation, type KioskResponse } from "kiosk";
import type DraftOrderService from "../../../../../services/draft-order";
import { draftOrderPaid } from "../../../../schemas";

/** Registers the payment (Medusa v1's register-payment): the cart becomes an order whose payment is captured; `{ order }`. */
export const POST = withValidation({ response: draftOrderPaid }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<DraftOrderService>("draftOrderService").pay(req.params.id) });
});
