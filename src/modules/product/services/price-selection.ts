import { InvalidDataError, NotFoundError, UnprocessableError, type KioskServices, type Region } from "kiosk";
import type { CalculatedPrices, PriceContext, PricedProduct } from "../lib/price-selection";

/** A storefront's price context, with the region it names (read once, for the strategy). */
export interface StorePriceContext extends PriceContext {
  region?: Region;
}

type PricedVariant = NonNullable<PricedProduct["variants"]>[number];

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

  /**
   * The context of `?cart_id=` (the cart's region, read from the cart module), else
   * `?region_id=`, else `?currency_code=`; an unknown cart or region is a 404.
   */
  async context(query: { region_id?: string; currency_code?: string; cart_id?: string }): Promise<StorePriceContext> {
    const regionId = query.cart_id ? (await this.cradle.cartService.retrieve(query.cart_id)).region_id : query.region_id;
    if (regionId) {
      const region = await this.regions().retrieve(regionId);
      return { region_id: region.id, currency_code: region.currency_code.toLowerCase(), region };
    }
    return query.currency_code ? { currency_code: query.currency_code.toLowerCase() } : {};
  }

  /**
   * Sets `original_price`, `calculated_price` and `calculated_price_type` beside each
   * variant's prices (given a context), from the `priceSelection` strategy asked for one
   * unit, as a cart of one would be: the catalog shows what the cart charges. One call
   * per variant and no statement; an asynchronous strategy's answers are awaited together.
   */
  async setVariantPrices(products: PricedProduct[], context: StorePriceContext): Promise<void> {
    const currency_code = context.currency_code;
    if (!currency_code) return;
    const strategy = this.cradle.priceSelectionStrategy;
    const region = context.region ?? null;
    const pending: Promise<void>[] = [];
    for (const product of products) {
      for (const variant of product.variants ?? []) {
        if (!variant.prices) continue;
        const answer = strategy.unitPrice({
          variant: { id: variant.id, product_id: variant.product_id ?? product.id, prices: variant.prices },
          region,
          currency_code,
          quantity: 1,
        });
        if (isPromise(answer)) pending.push(answer.then((price) => setPrice(variant, price)));
        else setPrice(variant, answer);
      }
    }
    if (pending.length) await Promise.all(pending);
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

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** The strategy's answer on the variant; one that is not an amount is the cart's 422 `variant_price_invalid`. */
function setPrice(variant: PricedVariant, price: number | null | undefined): void {
  if (price !== null && price !== undefined && (!Number.isSafeInteger(price) || price < 0)) {
    throw new UnprocessableError(
      `The priceSelection strategy's price of variant ${variant.id} is not an amount: ${String(price)}`,
      "variant_price_invalid",
      "variant_id",
    );
  }
  const prices: CalculatedPrices =
    price === null || price === undefined
      ? { original_price: null, calculated_price: null, calculated_price_type: null }
      : { original_price: price, calculated_price: price, calculated_price_type: "default" };
  Object.assign(variant, prices);
}
