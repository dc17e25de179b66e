import type { MoneyAmount } from "../models/money-amount";

/** Where prices are calculated for: a region (and its currency), or a bare currency. */
export interface PriceContext {
  region_id?: string;
  currency_code?: string;
  /** The units bought at once (default 1): only prices whose quantity tier holds it apply. */
  quantity?: number;
}

/** The fields a store variant carries beside its `prices`, as in Medusa v1. */
export interface CalculatedPrices {
  original_price: number | null;
  calculated_price: number | null;
  calculated_price_type: "default" | "sale" | "override" | null;
}

/** The columns of a price (`MoneyAmount`) the calculation reads. */
export type PriceRow = Pick<MoneyAmount, "amount" | "currency_code" | "region_id" | "min_quantity" | "max_quantity">;

/** What prices are set on: products with variants with their prices (catalog rows or entities). */
export interface PricedProduct {
  id: string;
  variants?: { id: string; product_id?: string; prices?: PriceRow[] }[];
}

const NONE: CalculatedPrices = { original_price: null, calculated_price: null, calculated_price_type: null };

/** A price list's price, as the price-list module answers it (`ListPrice` from "kiosk"). */
export type ListPriceRow = PriceRow & { type: "sale" | "override" };

/** Whether a price's quantity tier (`min_quantity`..`max_quantity`, either open) holds `quantity`. */
function forQuantity(price: PriceRow, quantity: number): boolean {
  return (price.min_quantity ?? 1) <= quantity && (price.max_quantity ?? Number.MAX_SAFE_INTEGER) >= quantity;
}

function cheapest(prices: PriceRow[]): PriceRow | undefined {
  let best: PriceRow | undefined;
  for (const p of prices) if (!best || p.amount < best.amount) best = p;
  return best;
}

/**
 * The default price of one variant in a context: a price for the region wins;
 * otherwise the price in the context's currency that is not tied to a region.
 * Only prices whose quantity tier holds the context's quantity (1 by default)
 * count, and the cheapest of those is taken, so a line of 10 gets its tier price.
 * No context, or no matching price, gives nulls.
 */
export function calculatePrices(prices: PriceRow[], context: PriceContext): CalculatedPrices {
  if (!context.region_id && !context.currency_code) return NONE;
  const unit = prices.filter((p) => forQuantity(p, context.quantity ?? 1));
  const chosen =
    (context.region_id && cheapest(unit.filter((p) => p.region_id === context.region_id))) ||
    (context.currency_code && cheapest(unit.filter((p) => !p.region_id && p.currency_code === context.currency_code)));
  if (!chosen) return { ...NONE };
  return { original_price: chosen.amount, calculated_price: chosen.amount, calculated_price_type: "default" };
}

/** The price for the context among `prices` (quantity tier, the region's first, else the currency's, the cheapest). */
function pick(prices: PriceRow[], context: PriceContext): PriceRow | undefined {
  const unit = prices.filter((p) => forQuantity(p, context.quantity ?? 1));
  return (
    (context.region_id && cheapest(unit.filter((p) => p.region_id === context.region_id))) ||
    (context.currency_code && cheapest(unit.filter((p) => !p.region_id && p.currency_code === context.currency_code))) ||
    undefined
  );
}

/**
 * The prices with the price lists in force, as Medusa v1 calculates them: an
 * override list's price (the lowest, when several apply) wins whatever it is;
 * otherwise the lowest of the variant's own price and the sale lists' prices.
 * Each list price counts only when its quantity tier holds the quantity, and a
 * region's price of a list wins over its currency's, as for the variant's own.
 * `original_price` is the variant's own price (the calculated one when it has none).
 */
export function calculateWithLists(prices: PriceRow[], lists: ListPriceRow[], context: PriceContext): CalculatedPrices {
  const base = calculatePrices(prices, context);
  if (!lists.length || (!context.region_id && !context.currency_code)) return base;
  const override = pick(lists.filter((p) => p.type === "override"), context);
  if (override) return { original_price: base.original_price ?? override.amount, calculated_price: override.amount, calculated_price_type: "override" };
  const sale = pick(lists.filter((p) => p.type === "sale"), context);
  if (sale && (base.calculated_price === null || sale.amount < base.calculated_price)) {
    return { original_price: base.original_price ?? sale.amount, calculated_price: sale.amount, calculated_price_type: "sale" };
  }
  return base;
}
