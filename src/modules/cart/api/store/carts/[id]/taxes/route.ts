import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../services/cart";
import { cartResponse } from "../../../../schemas";

/** Medusa v1's tax calculation step: taxes are always up to date here, so this answers the cart: `{ cart }`. */
export const POST = withValidation({ response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").retrieve(req.params.id) });
});
