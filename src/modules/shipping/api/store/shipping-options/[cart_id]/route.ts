import { withValidation, type KioskResponse } from "kiosk";
import type { ShippingOption } from "../../../../models/shipping-option";
import { storeShippingOptions } from "../../../schemas";
import { withPriceInclTax } from "../../../../lib/option-taxes";

interface CartOptions {
  shippingOptions(cartId: string): Promise<ShippingOption[]>;
}

/** The options a cart may ship with (its region's, requirements met), with `price_incl_tax`: `{ shipping_options }`. */
export const GET = withValidation({ response: storeShippingOptions }, async (req, res: KioskResponse) => {
  const options = await req.scope.resolve<CartOptions>("cartService").shippingOptions(req.params.cart_id);
  res.json({ shipping_options: await withPriceInclTax(req.scope.cradle, options) });
});
