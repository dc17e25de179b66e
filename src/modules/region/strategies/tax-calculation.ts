import type { TaxCalculationInput, TaxCalculationResult, TaxCalculationStrategy, TaxLine } from "kiosk";

/**
 * The default tax calculation (Medusa v1's system provider): a line at the tax
 * rates linked to its product, else to its product type, else at the region's
 * rate; a shipping method at the rates linked to its shipping option, else at
 * the region's rate.
 */
const regionRate: TaxCalculationStrategy = {
  taxLines({ lines, shipping_methods, region, rates }: TaxCalculationInput): TaxCalculationResult {
    const fallback: TaxLine[] = [{ rate: region.tax_rate, name: "default", code: "default" }];
    const products = rates?.products ?? {};
    const types = rates?.product_types ?? {};
    const options = rates?.shipping_options ?? {};
    return {
      lines: Object.fromEntries(
        lines.map((l) => [l.id, (l.product_id && products[l.product_id]) || (l.product_type_id && types[l.product_type_id]) || fallback]),
      ),
      shipping_methods: Object.fromEntries(shipping_methods.map((m) => [m.id, options[m.shipping_option_id] ?? fallback])),
    };
  },
};

export default regionRate;
