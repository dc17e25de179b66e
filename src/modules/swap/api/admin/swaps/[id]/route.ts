import { retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../../services/swap";
import { swapResponse } from "../../../schemas";

/** A swap with its return, new items, shipping, fulfillments and payment: `{ swap }`. */
export const GET = withValidation({ query: retrieveQuery, response: swapResponse }, async (req, res: KioskResponse) => {
  res.json({ swap: await req.scope.resolve<SwapService>("swapService").retrieve(req.params.id) });
});
