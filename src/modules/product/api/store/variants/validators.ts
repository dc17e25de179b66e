import { listQuery, z } from "kiosk";
import { currencyCode, id, idList } from "../../../lib/zod-params";

/** Where to calculate prices for: a cart's region, a region, or a currency. */
export const variantPricing = { region_id: id.optional(), currency_code: currencyCode.optional(), cart_id: id.optional() };

/** `ids` is Medusa's comma-separated list; `id` a list as elsewhere. */
export const listStoreVariants = listQuery(
  {
    ids: z
      .string()
      .max(20_000)
      .transform((s) => s.split(",").map((i) => i.trim()).filter(Boolean))
      .pipe(z.array(z.string().min(1).max(100)).min(1).max(200))
      .optional(),
    id: idList.optional(),
    ...variantPricing,
  },
  100,
  200,
).omit({ expand: true, fields: true, order: true });

export const retrieveStoreVariant = z.strictObject(variantPricing);
