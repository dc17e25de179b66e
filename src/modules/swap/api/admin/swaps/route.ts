import { withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../services/swap";
import { listSwaps } from "../../validators";
import { swapList } from "../../schemas";

/** Swaps, newest first: `{ swaps, count, offset, limit }`. */
export const GET = withValidation({ query: listSwaps, response: swapList }, async (req, res: KioskResponse) => {
  const { offset, limit, order_id } = req.validatedQuery;
  const [swaps, count] = await req.scope.resolve<SwapService>("swapService").list({ order_id }, { offset, limit });
  res.json({ swaps, count, offset, limit });
});
