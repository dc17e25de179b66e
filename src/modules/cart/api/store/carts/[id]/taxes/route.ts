import type { KioskRequest, KioskResponse } from "kiosk";
import type CartService from "../../../../../services/cart";

/** Medusa v1's tax calculation step: taxes are always up to date here, so this answers the cart: `{ cart }`. */
export async function POST(req: KioskRequest, res: KioskResponse) {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").retrieve(req.params.id) });
}
