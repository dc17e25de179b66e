import { listEnvelope, withValidation, type KioskResponse, type KioskServices } from "kiosk";
import type PriceListService from "../../../../../services/price-list";
import { listProductsQuery } from "../../validators";
import { priceListProducts } from "../../../../schemas";

type Selection = Parameters<KioskServices["productService"]["list"]>[2];

/** What each product is answered with: its variants and their prices, as the admin's product list. */
const SELECTION = { relations: new Set(["variants", "variants.prices", "options", "options.values", "images", "tags", "collection", "type"]) } as Selection;

/** The products the list has prices for (`q` searches them): `{ products, count, offset, limit }`. */
export const GET = withValidation({ query: listProductsQuery, response: priceListProducts }, async (req, res: KioskResponse) => {
  const { offset, limit, q } = req.validatedQuery;
  const ids = await req.scope.resolve<PriceListService>("priceListService").productIds(req.params.id);
  if (!ids.length) {
    res.json(listEnvelope("products", [], 0, { offset, limit }));
    return;
  }
  const [products, count] = await req.scope.resolve<KioskServices["productService"]>("productService").list({ id: ids, q }, { offset, limit }, SELECTION);
  res.json(listEnvelope("products", products, count, { offset, limit }));
});
