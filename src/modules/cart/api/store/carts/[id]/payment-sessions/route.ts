import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../services/cart";
import { cartResponse } from "../../../../schemas";

/** Starts a payment session with every installed provider: `{ cart }`. */
export const POST = withValidation({ response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").createPaymentSessions(req.params.id) });
});
