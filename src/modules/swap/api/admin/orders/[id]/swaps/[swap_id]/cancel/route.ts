import { withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../../../../../services/swap";
import { noBody } from "../../../../../../validators";
import { orderWithSwaps } from "../../../../../../schemas";

/** Cancels the swap (its return, the stock its cart took, its payment): `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderWithSwaps }, async (req, res: KioskResponse) => {
  await req.scope.resolve<SwapService>("swapService").cancel(req.params.id, req.params.swap_id);
  res.json({ order: await req.scope.resolve("orderService").retrieve(req.params.id) });
});
