import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type PriceListService from "../../../services/price-list";
import { createPriceList, listPriceListsQuery } from "./validators";
import { priceListList, priceListResponse } from "../../schemas";

/** Lists the price lists (`q`, `status`, `type`): `{ price_lists, count, offset, limit }`. */
export const GET = withValidation({ query: listPriceListsQuery, response: priceListList }, async (req, res: KioskResponse) => {
  const [lists, count] = await req.scope.resolve<PriceListService>("priceListService").list(req.validatedQuery);
  res.json(listEnvelope("price_lists", lists, count, req.validatedQuery));
});

/** Creates a price list with its prices and groups: `{ price_list }`. */
export const POST = withValidation({ body: createPriceList, response: priceListResponse }, async (req, res: KioskResponse) => {
  res.json({ price_list: await req.scope.resolve<PriceListService>("priceListService").create(req.validatedBody) });
});
