import type { TaxCalculationInput, TaxCalculationResult, TaxCalculationStrategy, TaxLine } from "kiosk";

/** The default tax calculation: every line and shipping method at the region's rate. */
const regionRate: TaxCalculationStrategy = {
  taxLines({ lines, shipping_methods, region }: TaxCalculationInput): TaxCalculationResult {
    const line: TaxLine[] = [{ rate: region.tax_rate, name: "default", code: "default" }];
    return {
      lines: Object.fromEntries(lines.map((l) => [l.id, line])),
      shipping_methods: Object.fromEntries(shipping_methods.map((m) => [m.id, line])),
    };
  },
};

export default regionRate;
