import { UnprocessableError, type KioskServices, type Region, type TaxLine } from "kiosk";
import type { PricedProduct } from "./price-selection";

type TaxedVariant = NonNullable<PricedProduct["variants"]>[number] & {
  product?: { type_id?: string | null };
  original_price?: number | null;
  calculated_price?: number | null;
};

/** Whether a region's prices include tax: the region says so, or its currency does (Medusa v1's `includes_tax`). */
function pricesIncludeTax(region: Region): boolean {
  return !!(region.includes_tax || (region as { currency?: { includes_tax?: boolean } }).currency?.includes_tax);
}

/**
 * Sets Medusa v1's tax fields beside each priced variant for a region:
 * `tax_rates` (the `taxCalculation` strategy's tax lines for one unit, as a cart
 * of one would have them, with the tax module's rates in force),
 * `calculated_price_incl_tax`, `original_price_incl_tax`, `calculated_tax` and
 * `original_tax` (exact, the tax taken out of a tax-inclusive price or added to
 * another). One statement for the region's rates; none without a region.
 */
export async function setVariantTaxes(cradle: KioskServices, products: (PricedProduct & { type_id?: string | null })[], region: Region): Promise<void> {
  const priced = products.flatMap((p) => (p.variants ?? []).filter((v) => v.prices).map((v) => ({ product: p, variant: v as TaxedVariant })));
  if (!priced.length) return;
  const taxes = cradle.taxRateService;
  const rates = await taxes.ratesForRegion(region.id, [...new Set(priced.map(({ product, variant }) => variant.product_id ?? product.id))]);
  const result = await cradle.taxCalculationStrategy.taxLines({
    lines: priced.map(({ product, variant }) => ({
      id: variant.id,
      variant_id: variant.id,
      product_id: variant.product_id ?? product.id,
      product_type_id: product.type_id ?? variant.product?.type_id ?? null,
      unit_price: variant.calculated_price ?? 0,
      quantity: 1,
    })),
    shipping_methods: [],
    region,
    address: null,
    customer: { id: null, email: null },
    rates,
  });
  const inclusive = pricesIncludeTax(region);
  const fallback: TaxLine[] = [{ rate: region.tax_rate, name: "default", code: "default" }];
  for (const { variant } of priced) {
    const lines = result?.lines?.[variant.id] ?? fallback;
    const percents = lines.map((l) => l.rate);
    if (percents.some((p) => typeof p !== "number" || !Number.isFinite(p) || p < 0)) {
      throw new UnprocessableError(`The taxCalculation strategy gave variant ${variant.id} a tax rate that is not a finite number of at least 0`, "tax_rate_invalid");
    }
    const amounts = (price: number | null | undefined) => (price === null || price === undefined ? null : taxes.amounts(price, percents, inclusive));
    const calculated = amounts(variant.calculated_price);
    const original = amounts(variant.original_price);
    Object.assign(variant, {
      tax_rates: lines.map(({ rate, name, code }) => ({ rate, name, code })),
      calculated_price_incl_tax: calculated?.incl ?? null,
      calculated_tax: calculated?.tax ?? null,
      original_price_incl_tax: original?.incl ?? null,
      original_tax: original?.tax ?? null,
    });
  }
}
