import type { Region } from "./modules/region/models/region";
import type { PriceRow } from "./modules/product/lib/price-selection";
import type { ListPrice } from "./modules/price-list/lib/prices-in-force";

/**
 * The strategies the core modules read, each a small interface with its default
 * beside it in the module that owns the concern (`<module>/strategies/<name>.ts`).
 * A project replaces one with a `src/strategies/<name>.ts` file (default export),
 * a plugin may ship one (the project's wins), and one given in
 * `defineConfig({ strategies: { … } })` wins over both. A strategy is an object,
 * or a class constructed with the cradle (`KioskServices`). Services read it from
 * the container as `<name>Strategy`.
 */

/** One tax line of a cart line or shipping method: a rate in percent (7.5 is 7.5 %). */
export interface TaxLine {
  rate: number;
  name: string;
  code: string | null;
}

/** The tax lines of a region's tax rates (the tax module's), by the id of the product, product type or shipping option they are linked to. */
export interface TaxRateOverrides {
  products: Record<string, TaxLine[]>;
  product_types: Record<string, TaxLine[]>;
  shipping_options: Record<string, TaxLine[]>;
}

export interface TaxCalculationInput {
  lines: { id: string; variant_id: string | null; product_id: string | null; product_type_id?: string | null; unit_price: number; quantity: number }[];
  shipping_methods: { id: string; shipping_option_id: string; price: number }[];
  region: Region;
  /** The cart's shipping address, when it has one. */
  address: { country_code?: string | null; province?: string | null; postal_code?: string | null } | null;
  customer: { id: string | null; email: string | null };
  /** The region's tax rates linked to the cart's products, product types and shipping options (empty maps when none). */
  rates?: TaxRateOverrides;
}

/** The tax lines of every line and shipping method, by id; one left out is taxed at the region's rate. */
export interface TaxCalculationResult {
  lines: Record<string, TaxLine[]>;
  shipping_methods: Record<string, TaxLine[]>;
}

/**
 * How lines and shipping are taxed (Medusa v1's TaxCalculationStrategy). The rates of
 * a line's tax lines add up; the amounts stay exact integers (each line's tax is
 * rounded once). Default: a line at the rates linked to its product, else to its
 * product type, else at `region.tax_rate`; a shipping method at the rates linked to
 * its shipping option, else at `region.tax_rate` (see `rates`).
 */
export interface TaxCalculationStrategy {
  taxLines(input: TaxCalculationInput): TaxCalculationResult | Promise<TaxCalculationResult>;
}

export interface PriceSelectionInput {
  variant: { id: string; product_id: string; prices: PriceRow[] };
  /** The cart's region; in the catalog, the `?region_id=` one, or null when only `?currency_code=` is given. */
  region: Region | null;
  currency_code: string;
  /** The cart's customer; undefined in the catalog. */
  customer?: { id: string | null; email: string | null };
  /** The line's whole quantity (1 in the catalog). */
  quantity: number;
  /** The cart; undefined in the catalog. */
  cart?: { id: string; region_id: string; customer_id: string | null };
  /**
   * The variant's prices from the price lists in force (active, within their dates,
   * for everyone or for a group of the customer's) in the region, else the currency;
   * quantity tiers not yet applied. Empty when none.
   */
  price_lists?: ListPrice[];
}

/** A variant's prices as the store shows them (Medusa v1's `calculated_price` fields). */
export interface PriceSelectionResult {
  /** The variant's own price (its quantity tier's), else the calculated one. */
  original_price: number | null;
  calculated_price: number | null;
  calculated_price_type: "default" | "sale" | "override" | null;
}

/**
 * The unit price of a cart line (Medusa v1's PriceSelectionStrategy): an integer in the
 * currency's minor unit, or null when the variant has no price there (a 422).
 * The store's catalog asks it too, for one unit (its `calculated_price`), so what a
 * product shows is what a cart of one charges. Default: the cheapest price for the
 * region (else for its currency) whose quantity tier (`min_quantity`..`max_quantity`)
 * holds the line's quantity, or a price list's (see `calculate`). The cart asks again
 * whenever a line's quantity changes.
 */
export interface PriceSelectionStrategy {
  unitPrice(input: PriceSelectionInput): number | null | Promise<number | null>;
  /**
   * The catalog's fields (`original_price`, `calculated_price`, `calculated_price_type`);
   * a strategy without it shows `unitPrice` as a "default" price. Default: an override
   * list's price when one applies, else the lowest of the variant's price and the sale
   * lists' prices.
   */
  calculate?(input: PriceSelectionInput): PriceSelectionResult | Promise<PriceSelectionResult>;
}

/**
 * The `display_id` of a new order, inside the completion transaction (`manager` is
 * the transaction's). Default: the next value of the `order_display_id` sequence.
 * It must be unique; a clash makes the completion fail and be undone.
 */
export interface OrderNumberStrategy {
  next(input: { manager: import("typeorm").EntityManager; cart: { id: string; region_id: string; email: string | null } }): number | Promise<number>;
}

declare module "./kernel/config/define-config" {
  interface KioskStrategies {
    taxCalculation: TaxCalculationStrategy;
    priceSelection: PriceSelectionStrategy;
    orderNumber: OrderNumberStrategy;
  }
}
