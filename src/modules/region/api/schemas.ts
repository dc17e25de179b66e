import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

export const Currency = z
  .looseObject({ code: z.string(), name: z.string(), symbol: z.string(), symbol_native: z.string(), decimal_digits: z.number().int(), includes_tax: z.boolean() })
  .meta({ id: "Currency" });

export const Country = z.looseObject({ iso_2: z.string(), name: z.string(), display_name: z.string(), region_id: z.string().nullable() }).meta({ id: "Country" });

/** A provider serving a region (`manual`, a plugin's), as Medusa lists it. */
const Provider = z.looseObject({ id: z.string(), is_installed: z.boolean() });

/** A region: a currency, a tax rate and the countries it sells to. */
export const Region = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    name: z.string(),
    currency_code: z.string(),
    tax_rate: z.number(),
    tax_code: z.string().nullable(),
    includes_tax: z.boolean(),
    automatic_taxes: z.boolean(),
    metadata,
    countries: z.array(Country),
    currency: Currency.optional(),
    payment_providers: z.array(Provider),
    fulfillment_providers: z.array(Provider),
  })
  .meta({ id: "Region" });

export const regionResponse = z.looseObject({ region: Region });
export const regionList = responses.list("regions", Region);
export const currencyResponse = z.looseObject({ currency: Currency });
export const currencyList = responses.list("currencies", Currency);
export const fulfillmentOptionsResponse = z.looseObject({
  fulfillment_options: z.array(z.looseObject({ provider_id: z.string(), options: z.array(z.record(z.string(), z.unknown())) }).meta({ id: "FulfillmentOptions" })),
});
