import { UnprocessableError, type TaxCalculationResult, type TaxLine } from "kiosk";

/**
 * What the `taxCalculation` strategy answered, checked before totals read it: for
 * each line and shipping method, a list of tax lines whose rates are finite numbers
 * of at least 0 (a missing result, map or entry means the region's rate, as
 * documented). Anything else is a 422 `tax_rate_invalid` naming the strategy and
 * the line, never a crash deep in the totals.
 */
export function checkedTaxResult(result: TaxCalculationResult | null | undefined): TaxCalculationResult {
  return { lines: checkedMap(result?.lines, "line"), shipping_methods: checkedMap(result?.shipping_methods, "shipping method") };
}

function checkedMap(map: Record<string, TaxLine[]> | null | undefined, what: string): Record<string, TaxLine[]> {
  if (map === null || map === undefined) return {};
  if (typeof map !== "object" || Array.isArray(map)) refuse(`gave ${what}s ${describe(map)} instead of a map of tax lines by id`);
  for (const [id, taxLines] of Object.entries(map)) {
    if (taxLines === undefined) continue;
    if (!Array.isArray(taxLines)) refuse(`gave ${what} ${id} ${describe(taxLines)} instead of a list of tax lines`);
    for (const line of taxLines) {
      const rate = (line as Partial<TaxLine> | null)?.rate;
      if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0) {
        refuse(`gave ${what} ${id} the tax rate ${describe(rate)}: a rate is a finite number of at least 0`);
      }
    }
  }
  return map;
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function refuse(message: string): never {
  throw new UnprocessableError(`The taxCalculation strategy ${message}`, "tax_rate_invalid");
}
