import type { KioskRequest, KioskResponse } from "kiosk";
import type CartService from "../../../../../services/cart";

/** Starts a payment session with every installed provider: `{ cart }`. */
export async function POST(req: KioskRequest, res: KioskResponse) {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").createPaymentSessions(req.params.id) });
}
