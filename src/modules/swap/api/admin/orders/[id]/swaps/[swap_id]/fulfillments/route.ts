import { withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../../../../../services/swap";
import { fulfilSwap } from "../../../../../../validators";
import { orderWithSwaps } from "../../../../../../schemas";

/** Fulfils the swap's new items: `{ order }`. */
export const POST = withValidation({ body: fulfilSwap, response: orderWithSwaps }, async (req, res: KioskResponse) => {
  const { location_id: _l, ...input } = req.validatedBody;
  await req.scope.resolve<SwapService>("swapService").fulfil(req.params.id, req.params.swap_id, input);
  res.json({ order: await req.scope.resolve("orderService").retrieve(req.params.id) });
});
