import type { KioskServices, TaxLine } from "kiosk";
import { groupBy } from "kiosk/internal";
import type { ShippingOption } from "../models/shipping-option";

/**
 * Store options with Medusa v1's `price_incl_tax`: the option's amount with its
 * tax (the tax module's rates linked to the option, else the region's rate),
 * exact; the amount itself when the option's price includes tax. One region
 * read and one statement for its rates per region shown.
 */
export async function withPriceInclTax(cradle: KioskServices, options: ShippingOption[]): Promise<object[]> {
  const inclTax = new Map<string, number | null>();
  for (const [regionId, ofRegion] of groupBy(options, (o) => o.region_id)) {
    const region = await cradle.regionService.retrieve(regionId);
    const rates = await cradle.taxRateService.ratesForRegion(regionId, []);
    const fallback: TaxLine[] = [{ rate: region.tax_rate, name: "default", code: "default" }];
    for (const option of ofRegion) {
      const percents = (rates.shipping_options[option.id] ?? fallback).map((l) => l.rate);
      inclTax.set(option.id, option.amount === null ? null : cradle.taxRateService.amounts(option.amount, percents, option.includes_tax).incl);
    }
  }
  return options.map((o) => ({ ...o, price_incl_tax: inclTax.get(o.id) ?? null }));
}
