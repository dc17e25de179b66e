import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../../../services/cart";
import { cartResponse } from "../../../../../../schemas";

/** Replaces a provider's session with a new one from the provider (Medusa's refresh): `{ cart }`. */
export const POST = withValidation({ response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").refreshPaymentSession(req.params.id, req.params.provider_id) });
});
