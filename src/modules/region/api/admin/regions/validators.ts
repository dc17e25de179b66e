import { z } from "kiosk";

export const createRegion = z.strictObject({
  name: z.string().min(1).max(200),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "must be a 3-letter ISO 4217 code"),
  tax_rate: z.number().min(0).max(100),
  countries: z.array(z.string().regex(/^[a-zA-Z]{2}$/, "must be 2-letter ISO 3166-1 codes")).max(300),
  tax_code: z.string().max(100).nullable().optional(),
  includes_tax: z.boolean().optional(),
  automatic_taxes: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  // Accepted for Medusa clients; providers arrive with checkout.
  payment_providers: z.array(z.string()).optional(),
  fulfillment_providers: z.array(z.string()).optional(),
});

export const updateRegion = createRegion.partial();

export const addCountry = z.strictObject({
  country_code: z.string().regex(/^[a-zA-Z]{2}$/, "must be a 2-letter ISO 3166-1 code"),
});
