import { withValidation, type KioskResponse } from "kiosk";
import { searchResponse } from "../../../schemas";
import { searchProducts } from "./validators";

/** `{ q, offset?, limit?, filter? }`: `{ hits: [products], query, offset, limit, estimatedTotalHits }`, best match first. */
export const POST = withValidation({ body: searchProducts, response: searchResponse }, async (req, res: KioskResponse) => {
  const { q, offset, limit, filter } = req.validatedBody;
  res.json(await req.scope.resolve("searchService").search(q, { offset, limit }, filter));
});
