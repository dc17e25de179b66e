import { withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../../services/swap";
import { swapResponse } from "../../../schemas";

/** The swap whose cart is `:cart_id` (Medusa v1's `GET /store/swaps/:cart_id`): `{ swap }`. */
export const GET = withValidation({ response: swapResponse }, async (req, res: KioskResponse) => {
  res.json({ swap: await req.scope.resolve<SwapService>("swapService").retrieveByCart(req.params.cart_id) });
});
