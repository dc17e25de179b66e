import type { MoneyAmount } from "../models/money-amount";

/** Where prices are calculated for: a region (and its currency), or a bare currency. */
export interface PriceContext {
  region_id?: string;
  currency_code?: string;
}

/** The fields a store variant carries beside its `prices`, as in Medusa v1. */
export interface CalculatedPrices {
  original_price: number | null;
  calculated_price: number | null;
  calculated_price_type: "default" | null;
}

/** The columns of a price (`MoneyAmount`) the calculation reads. */
export type PriceRow = Pick<MoneyAmount, "amount" | "currency_code" | "region_id" | "min_quantity" | "max_quantity">;

/** What prices are set on: products with variants with their prices (catalog rows or entities). */
export interface PricedProduct {
  variants?: { prices?: PriceRow[] }[];
}

const NONE: CalculatedPrices = { original_price: null, calculated_price: null, calculated_price_type: null };

/** Whether a price applies to a single unit (quantity tiers start above 1 otherwise). */
function forOneUnit(price: PriceRow): boolean {
  return (price.min_quantity ?? 1) <= 1 && (price.max_quantity ?? 1) >= 1;
}

function cheapest(prices: PriceRow[]): PriceRow | undefined {
  let best: PriceRow | undefined;
  for (const p of prices) if (!best || p.amount < best.amount) best = p;
  return best;
}

/**
 * The default price of one variant in a context: a price for the region wins;
 * otherwise the price in the context's currency that is not tied to a region.
 * No context, or no matching price, gives nulls.
 */
export function calculatePrices(prices: PriceRow[], context: PriceContext): CalculatedPrices {
  if (!context.region_id && !context.currency_code) return NONE;
  const unit = prices.filter(forOneUnit);
  const chosen =
    (context.region_id && cheapest(unit.filter((p) => p.region_id === context.region_id))) ||
    (context.currency_code && cheapest(unit.filter((p) => !p.region_id && p.currency_code === context.currency_code)));
  if (!chosen) return { ...NONE };
  return { original_price: chosen.amount, calculated_price: chosen.amount, calculated_price_type: "default" };
}
