import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../../services/cart";
import { cartResponse } from "../../../../../schemas";

/** Applies a discount code; one that cannot be used is refused with the reason (404, 422): `{ cart }`. */
export const POST = withValidation({ response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").applyDiscount(req.params.id, req.params.code) });
});

/** Takes a discount code off the cart: `{ cart }`. */
export const DELETE = withValidation({ response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").removeDiscount(req.params.id, req.params.code) });
});
