import { withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../../../../../services/swap";
import { shipSwap } from "../../../../../../validators";
import { orderWithSwaps } from "../../../../../../schemas";

/** Ships a fulfillment of the swap with its tracking numbers: `{ order }`. */
export const POST = withValidation({ body: shipSwap, response: orderWithSwaps }, async (req, res: KioskResponse) => {
  await req.scope.resolve<SwapService>("swapService").ship(req.params.id, req.params.swap_id, req.validatedBody);
  res.json({ order: await req.scope.resolve("orderService").retrieve(req.params.id) });
});
