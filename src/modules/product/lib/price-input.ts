import { InvalidDataError } from "kiosk";
import type { PriceInput } from "./product-inputs";

/** A price ready to store: currency known, region optional. */
export interface ResolvedPrice {
  amount: number;
  currency_code: string;
  region_id: string | null;
  min_quantity: number | null;
  max_quantity: number | null;
}

/** The region ids the prices name. */
export function priceRegionIds(prices: (PriceInput[] | undefined)[]): string[] {
  const ids = new Set<string>();
  for (const list of prices) for (const p of list ?? []) if (p.region_id) ids.add(p.region_id);
  return [...ids];
}

/**
 * Fills in each price's currency from its region (`currencies`: region id -> code,
 * looked up before the transaction) and checks what the schema cannot.
 */
export function resolvePrices(prices: PriceInput[], currencies: Map<string, string>, field: string): ResolvedPrice[] {
  return prices.map((p, i) => {
    const at = `${field}.${i}`;
    let currency = p.currency_code?.toLowerCase();
    if (p.region_id) {
      const regionCurrency = currencies.get(p.region_id);
      if (!regionCurrency) {
        throw new InvalidDataError(`${at}.region_id: region ${p.region_id} was not found`, { code: "invalid_reference", field: `${at}.region_id` });
      }
      if (currency && currency !== regionCurrency) {
        throw new InvalidDataError(`${at}.currency_code: region ${p.region_id} uses ${regionCurrency}, not ${currency}`, { field: `${at}.currency_code` });
      }
      currency = regionCurrency;
    }
    if (!currency) throw new InvalidDataError(`${at}: a price needs a currency_code or a region_id`, { field: at });
    const min = p.min_quantity ?? null;
    const max = p.max_quantity ?? null;
    if (min !== null && max !== null && min > max) {
      throw new InvalidDataError(`${at}: min_quantity is above max_quantity`, { field: `${at}.min_quantity` });
    }
    return { amount: p.amount, currency_code: currency, region_id: p.region_id ?? null, min_quantity: min, max_quantity: max };
  });
}
