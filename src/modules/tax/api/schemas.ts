import { responses, z } from "kiosk";

const { timestamp, metadata, reference } = responses;

/** A tax rate of a region, with the counts of its links and, when expanded, the links as references. */
export const TaxRate = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    rate: z.number().nullable(),
    code: z.string().nullable(),
    name: z.string(),
    region_id: z.string(),
    metadata,
    product_count: z.number().int(),
    product_type_count: z.number().int(),
    shipping_option_count: z.number().int(),
    products: z.array(reference).optional(),
    product_types: z.array(reference).optional(),
    shipping_options: z.array(reference).optional(),
  })
  .meta({ id: "TaxRate" });

export const taxRateResponse = z.looseObject({ tax_rate: TaxRate });
export const taxRateList = responses.list("tax_rates", TaxRate);
