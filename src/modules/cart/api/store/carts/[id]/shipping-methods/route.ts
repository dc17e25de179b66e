import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../services/cart";
import { addShippingMethod } from "../../validators";
import { cartResponse } from "../../../../schemas";

/** Ships the cart with an option of its region (replacing an earlier choice): `{ cart }`. */
export const POST = withValidation({ body: addShippingMethod, response: cartResponse }, async (req, res: KioskResponse) => {
  const { option_id, data } = req.validatedBody;
  res.json({ cart: await req.scope.resolve<CartService>("cartService").addShippingMethod(req.params.id, option_id, data ?? {}) });
});
