import { InvalidDataError, listQuery, metadata, stringList, z } from "kiosk";
import { EXPANDABLE, type Expandable } from "../../../lib/tax-rate-view";

/** A percentage from 0 to 100 with at most 4 decimal places, as regions take it. */
const rate = z
  .number()
  .min(0)
  .max(100)
  .refine((r) => Number(r.toFixed(4)) === r, "must have at most 4 decimal places");

const ids = z.array(z.string().min(1).max(100)).max(1000);
const bound = z.coerce.number().min(0).max(100);
/** `?expand=a,b`, or `expand[]=a` as medusa-js sends Medusa's `string[]` params. */
const names = z.union([z.string().max(500), z.array(z.string().max(100)).max(20)]).pipe(stringList);

export const listTaxRates = listQuery(
  {
    region_id: stringList.optional(),
    code: z.string().max(100).optional(),
    q: z.string().max(200).optional(),
    expand: names.optional(),
    fields: names.optional(),
    rate: z.union([z.coerce.number().min(0).max(100), z.strictObject({ lt: bound.optional(), gt: bound.optional(), lte: bound.optional(), gte: bound.optional() })]).optional(),
  },
  50,
);

export const taxRateQuery = z.strictObject({ expand: names.optional(), fields: names.optional() });

export const createTaxRate = z.strictObject({
  code: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  region_id: z.string().min(1).max(100),
  rate: rate.nullable().optional(),
  metadata,
  products: ids.optional(),
  product_types: ids.optional(),
  shipping_options: ids.optional(),
});

export const updateTaxRate = createTaxRate.partial();

export const productBatch = z.strictObject({ products: ids.min(1) });
export const productTypeBatch = z.strictObject({ product_types: ids.min(1) });
export const shippingOptionBatch = z.strictObject({ shipping_options: ids.min(1) });

/** `?expand=products,shipping_options` as a set; a relation a tax rate does not have is a 400. (`fields` is accepted and ignored: every field is answered.) */
export function expandOf(query: { expand?: string[] }): Set<Expandable> {
  const names = query.expand ?? [];
  for (const name of names) {
    if (!(EXPANDABLE as readonly string[]).includes(name)) {
      throw new InvalidDataError(`expand: a tax rate has no relation ${name}`, { code: "invalid_request", field: "expand" });
    }
  }
  return new Set(names as Expandable[]);
}
