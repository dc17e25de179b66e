import { customFieldsShape, metadata, z } from "kiosk";

/**
 * A percentage from 0 to 100 with at most 4 decimal places (`8.875`): what the
 * `real` column stores exactly on both databases. `1e-300` or `0.30000000000000004`
 * is a 400, never a silently rounded rate.
 */
const taxRate = z
  .number()
  .min(0)
  .max(100)
  .refine((rate) => Number(rate.toFixed(4)) === rate, "must have at most 4 decimal places");

export const createRegion = z.strictObject({
  name: z.string().min(1).max(200),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be a 3-letter ISO 4217 code"),
  tax_rate: taxRate,
  countries: z.array(z.string().regex(/^[a-zA-Z]{2}$/, "must be 2-letter ISO 3166-1 codes")).max(300),
  tax_code: z.string().max(100).nullable().optional(),
  includes_tax: z.boolean().optional(),
  automatic_taxes: z.boolean().optional(),
  metadata,
  ...customFieldsShape("region", "admin"),
  // The providers serving the region (installed ones, at least one); unset: every installed one.
  payment_providers: z.array(z.string().min(1).max(200)).max(100).optional(),
  fulfillment_providers: z.array(z.string().min(1).max(200)).max(100).optional(),
});

export const updateRegion = createRegion.partial();

export const addCountry = z.strictObject({
  country_code: z.string().regex(/^[a-zA-Z]{2}$/, "must be a 2-letter ISO 3166-1 code"),
});

export const addProvider = z.strictObject({ provider_id: z.string().min(1).max(200) });
