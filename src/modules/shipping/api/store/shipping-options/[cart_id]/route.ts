import { withValidation, type KioskResponse } from "kiosk";
import { storeShippingOptions } from "../../../schemas";

interface CartOptions {
  shippingOptions(cartId: string): Promise<unknown[]>;
}

/** The options a cart may ship with (its region's, requirements met): `{ shipping_options }`. */
export const GET = withValidation({ response: storeShippingOptions }, async (req, res: KioskResponse) => {
  res.json({ shipping_options: await req.scope.resolve<CartOptions>("cartService").shippingOptions(req.params.cart_id) });
});
