import { listQuery, z } from "kiosk";
import { currencyCode, id } from "../../../lib/zod-params";
import { productFilters } from "../../admin/products/validators";

/** Where to calculate prices for. */
const pricing = { region_id: id.optional(), currency_code: currencyCode.optional(), cart_id: id.optional() };

/** Products are heavy (variants, prices, options, images): at most 200 a page. */
export const listStoreProducts = listQuery({ ...productFilters, ...pricing }, 100, 200);

export const retrieveStoreProduct = z.strictObject({
  expand: z.string().max(500).optional(),
  fields: z.string().max(500).optional(),
  ...pricing,
});
