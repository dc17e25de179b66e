import type { KioskRequest, KioskResponse } from "kiosk";

interface CartOptions {
  shippingOptions(cartId: string): Promise<unknown[]>;
}

/** The options a cart may ship with (its region's, requirements met): `{ shipping_options }`. */
export async function GET(req: KioskRequest, res: KioskResponse) {
  res.json({ shipping_options: await req.scope.resolve<CartOptions>("cartService").shippingOptions(req.params.cart_id) });
}
