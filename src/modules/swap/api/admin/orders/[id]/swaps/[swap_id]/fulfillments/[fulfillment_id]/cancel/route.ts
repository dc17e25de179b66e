import { withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../../../../../../../services/swap";
import { noBody } from "../../../../../../../../validators";
import { orderWithSwaps } from "../../../../../../../../schemas";

/** Cancels a fulfillment of the swap not shipped yet: `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderWithSwaps }, async (req, res: KioskResponse) => {
  await req.scope.resolve<SwapService>("swapService").cancelFulfillment(req.params.id, req.params.swap_id, req.params.fulfillment_id);
  res.json({ order: await req.scope.resolve("orderService").retrieve(req.params.id) });
});
