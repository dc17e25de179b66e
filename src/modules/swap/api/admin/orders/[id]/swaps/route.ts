import { withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../../../services/swap";
import { adminCreateSwap } from "../../../../validators";
import { orderWithSwaps } from "../../../../schemas";

/** Creates a swap of the order (Medusa v1's `POST /admin/orders/:id/swaps`): `{ order }` with its `swaps`. */
export const POST = withValidation({ body: adminCreateSwap, response: orderWithSwaps }, async (req, res: KioskResponse) => {
  const { return_location_id: _l, ...input } = req.validatedBody;
  await req.scope.resolve<SwapService>("swapService").create({ ...input, order_id: req.params.id });
  res.json({ order: await req.scope.resolve("orderService").retrieve(req.params.id) });
});
