import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../services/cart";
import { addLineItem } from "../../validators";
import { cartResponse } from "../../../../schemas";

/** Adds a variant (a variant already in the cart gets the quantity added to its line): `{ cart }`. */
export const POST = withValidation({ body: addLineItem, response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").addLineItem(req.params.id, req.validatedBody) });
});
