import { InvalidDataError, NotFoundError, UnprocessableError, type KioskServices, type ListPrice, type PriceSelectionResult, type Region } from "kiosk";
import type { CalculatedPrices, PriceContext, PricedProduct } from "../lib/price-selection";
import { setVariantTaxes } from "../lib/variant-taxes";

/** A storefront's price context, with the region it names (read once, for the strategy). */
export interface StorePriceContext extends PriceContext {
  region?: Region;
  /** The customer priced for (the cart's, else the signed-in one): price lists for its groups apply. */
  customer_id?: string | null;
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
  async context(query: { region_id?: string; currency_code?: string; cart_id?: string; customer_id?: string }): Promise<StorePriceContext> {
    const cart = query.cart_id ? await this.cradle.cartService.retrieve(query.cart_id) : undefined;
    const regionId = cart ? cart.region_id : query.region_id;
    const customer_id = cart ? cart.customer_id : query.customer_id;
    if (regionId) {
      const region = await this.regions().retrieve(regionId);
      return { region_id: region.id, currency_code: region.currency_code.toLowerCase(), region, customer_id };
    }
    return query.currency_code ? { currency_code: query.currency_code.toLowerCase(), customer_id } : {};
  }

  /**
   * The prices of the price lists in force for these variants in a context, from the
   * price-list module (one statement); none when the module is not loaded.
   */
  listPrices(variantIds: string[], context: { region_id?: string; currency_code?: string; customer_id?: string | null }): Promise<Map<string, ListPrice[]>> {
    let lists: KioskServices["priceListService"] | undefined;
    try {
      lists = this.cradle.priceListService;
    } catch {
      lists = undefined;
    }
    return lists ? lists.pricesInForce(variantIds, context) : Promise.resolve(new Map());
  }

  /**
   * Sets `original_price`, `calculated_price` and `calculated_price_type` beside each
   * variant's prices (given a context), from the `priceSelection` strategy asked for one
   * unit, as a cart of one would be: the catalog shows what the cart charges. One call
   * per variant; an asynchronous strategy's answers are awaited together. With a region,
   * the tax fields too (`lib/variant-taxes.ts`: one statement for the region's tax rates).
   */
  async setVariantPrices(products: PricedProduct[], context: StorePriceContext): Promise<void> {
    const currency_code = context.currency_code;
    if (!currency_code) return;
    const strategy = this.cradle.priceSelectionStrategy;
    const region = context.region ?? null;
    const priced = products.flatMap((p) => (p.variants ?? []).filter((v) => v.prices).map((v) => v.id));
    const lists = await this.listPrices(priced, context);
    const pending: Promise<void>[] = [];
    for (const product of products) {
      for (const variant of product.variants ?? []) {
        if (!variant.prices) continue;
        const input = {
          variant: { id: variant.id, product_id: variant.product_id ?? product.id, prices: variant.prices },
          region,
          currency_code,
          quantity: 1,
          price_lists: lists.get(variant.id) ?? [],
          ...(context.customer_id ? { customer: { id: context.customer_id, email: null } } : {}),
        };
        if (strategy.calculate) {
          const answer = strategy.calculate(input);
          if (isPromise(answer)) pending.push(answer.then((prices) => setPrices(variant, prices)));
          else setPrices(variant, answer);
          continue;
        }
        const answer = strategy.unitPrice(input);
        if (isPromise(answer)) pending.push(answer.then((price) => setPrice(variant, price)));
        else setPrice(variant, answer);
      }
    }
    if (pending.length) await Promise.all(pending);
    if (region) await setVariantTaxes(this.cradle, products, region);
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

/** A `calculate` answer on the variant, each amount checked as `setPrice` checks one. */
function setPrices(variant: PricedVariant, prices: PriceSelectionResult): void {
  setPrice(variant, prices.original_price);
  setPrice(variant, prices.calculated_price);
  const none = prices.calculated_price === null || prices.calculated_price === undefined;
  Object.assign(variant, {
    original_price: none ? null : (prices.original_price ?? prices.calculated_price),
    calculated_price: none ? null : prices.calculated_price,
    calculated_price_type: none ? null : (prices.calculated_price_type ?? "default"),
  });
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
