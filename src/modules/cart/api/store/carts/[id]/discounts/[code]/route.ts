import type { KioskRequest, KioskResponse } from "kiosk";
import type CartService from "../../../../../../services/cart";

/** Applies a discount code; one that cannot be used is refused with the reason (404, 422): `{ cart }`. */
export async function POST(req: KioskRequest, res: KioskResponse) {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").applyDiscount(req.params.id, req.params.code) });
}

/** Takes a discount code off the cart: `{ cart }`. */
export async function DELETE(req: KioskRequest, res: KioskResponse) {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").removeDiscount(req.params.id, req.params.code) });
}
