import type { TaxRate } from "../models/tax-rate";

/** The ids linked to each rate, by kind. */
export interface RateLinks {
  products: string[];
  product_types: string[];
  shipping_options: string[];
}

export const NO_LINKS: RateLinks = { products: [], product_types: [], shipping_options: [] };

/** What `?expand=` may name: the links of a rate, shown as references (`{ id }`). */
export const EXPANDABLE = ["products", "product_types", "shipping_options"] as const;
export type Expandable = (typeof EXPANDABLE)[number];

/** A tax rate as the Admin API answers it (Medusa v1's `TaxRate`): with its link counts, and its links when expanded. */
export function taxRateView(rate: TaxRate, links: RateLinks, expand: ReadonlySet<Expandable>) {
  return {
    id: rate.id,
    rate: rate.rate,
    code: rate.code,
    name: rate.name,
    region_id: rate.region_id,
    metadata: rate.metadata,
    created_at: rate.created_at,
    updated_at: rate.updated_at,
    product_count: links.products.length,
    product_type_count: links.product_types.length,
    shipping_option_count: links.shipping_options.length,
    ...Object.fromEntries([...expand].map((kind) => [kind, links[kind].map((id) => ({ id }))])),
  };
}

export type TaxRateView = ReturnType<typeof taxRateView>;
