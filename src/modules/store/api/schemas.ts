import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

/** A currency of the region module's catalogue, named by its code (its full schema is the region module's `Currency`). */
const CurrencyReference = z.looseObject({ code: z.string() });

const Provider = z.looseObject({ id: z.string(), is_installed: z.boolean() });

/** The store's settings, as Medusa v1 answers them. */
export const Store = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    name: z.string(),
    default_currency_code: z.string(),
    default_currency: CurrencyReference.nullable(),
    currencies: z.array(CurrencyReference),
    default_region_id: z.string().nullable(),
    swap_link_template: z.string().nullable(),
    payment_link_template: z.string().nullable(),
    invite_link_template: z.string().nullable(),
    metadata,
    payment_providers: z.array(Provider),
    fulfillment_providers: z.array(Provider),
  })
  .meta({ id: "Store" });


export const storeResponse = z.looseObject({ store: Store });
export const paymentProviderList = z.looseObject({ payment_providers: z.array(Provider.meta({ id: "PaymentProvider" })) });
export const taxProviderList = z.looseObject({ tax_providers: z.array(Provider.meta({ id: "TaxProvider" })) });
