import { InvalidDataError, NotFoundError, type KioskServices } from "kiosk";
import { calculatePrices, type PriceContext, type PricedProduct } from "../lib/price-selection";

/**
 * Prices for a storefront: resolves a region (lazily, from the region module's
 * service) into a price context, and sets each variant's calculated price.
 */
export default class PriceSelectionService {
  constructor(private readonly cradle: KioskServices) {}

  private regions(): KioskServices["regionService"] {
    let service: KioskServices["regionService"] | undefined;
    try {
      service = this.cradle.regionService;
    } catch {
      service = undefined;
    }
    if (!service) throw new InvalidDataError("Regions are not available in this project", { code: "invalid_request", field: "region_id" });
    return service;
  }

  /** The context of `?region_id=` / `?currency_code=`; an unknown region is a 404. */
  async context(query: { region_id?: string; currency_code?: string }): Promise<PriceContext> {
    if (query.region_id) {
      const region = await this.regions().retrieve(query.region_id);
      return { region_id: region.id, currency_code: region.currency_code.toLowerCase() };
    }
    return query.currency_code ? { currency_code: query.currency_code.toLowerCase() } : {};
  }

  /** Sets `original_price`, `calculated_price` and `calculated_price_type` beside each variant's prices (given a context). */
  setVariantPrices(products: PricedProduct[], context: PriceContext): void {
    if (!context.region_id && !context.currency_code) return;
    for (const product of products) {
      for (const variant of product.variants ?? []) {
        if (variant.prices) Object.assign(variant, calculatePrices(variant.prices, context));
      }
    }
  }

  /** The currency of each region that exists, for prices given by region; unknown ids are left out. */
  async regionCurrencies(ids: string[]): Promise<Map<string, string>> {
    const currencies = new Map<string, string>();
    if (!ids.length) return currencies;
    const regions = this.regions();
    for (const id of ids) {
      try {
        const region = await regions.retrieve(id);
        currencies.set(id, region.currency_code.toLowerCase());
      } catch (err) {
        if (!(err instanceof NotFoundError) && (err as { status?: number }).status !== 404) throw err;
      }
    }
    return currencies;
  }
}
