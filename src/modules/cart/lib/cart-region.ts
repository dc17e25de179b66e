import { InvalidDataError, NotFoundError, UnprocessableError, type KioskServices, type Region, type TransactionContext } from "kiosk";
import { Cart } from "../models/cart";
import { LineItem } from "../models/line-item";
import { cartDiscounts } from "./cart-relations";
import { priceOf } from "./line-pricing";

/** The region asked for, or the first region when none is given (422 when the store has none). */
export async function regionFor(cradle: KioskServices, regionId: string | undefined): Promise<Region> {
  if (regionId) return cradle.regionService.retrieve(regionId);
  const [[first]] = await cradle.regionService.list({ offset: 0, limit: 1 });
  if (!first) throw new UnprocessableError("The store has no region to create a cart in", "no_region", "region_id");
  return cradle.regionService.retrieve(first.id);
}

/** A country code of the region (lower-cased); another is a 400, as in Medusa. */
export function countryIn(region: Region, code: string, field = "country_code"): string {
  const iso = code.toLowerCase();
  if (!(region.countries ?? []).some((c) => c.iso_2 === iso)) {
    throw new InvalidDataError(`Country ${iso} is not in the cart's region`, { code: "country_not_in_region", field });
  }
  return iso;
}

/**
 * Moves the cart to another region: its lines are priced again (a line with no
 * price there is a 422 and nothing changes), shipping and payment sessions
 * are dropped, discounts not valid there are taken off, and a shipping
 * address outside the region is cleared.
 */
export async function changeRegion(cradle: KioskServices, tx: TransactionContext, cart: Cart, regionId: string): Promise<Region> {
  const region = await cradle.regionService.retrieve(regionId);
  const lines = await tx.manager.findBy(LineItem, { cart_id: cart.id });
  const variants = await cradle.productVariantService.findVariants(lines.map((l) => l.variant_id!).filter(Boolean));
  for (const line of lines) {
    const variant = variants.get(line.variant_id ?? "");
    if (!cradle.productVariantService.isPurchasable(variant)) throw new NotFoundError(`Variant with id ${line.variant_id} was not found`, "variant_not_found");
    line.unit_price = await priceOf(cradle, variant, region, cart, line.quantity);
    await tx.manager.save(line);
  }
  cart.region_id = region.id;
  cart.currency_code = region.currency_code.toLowerCase();
  const country = cart.shipping_address?.country_code;
  if (country && !(region.countries ?? []).some((c) => c.iso_2 === country)) cart.shipping_address = null;
  await cradle.shippingMethodService.clearForCart(cart.id);
  await cradle.paymentSessionService.clearForCart(cart.id);
  const invalid: string[] = [];
  for (const d of await cartDiscounts(cradle, tx.manager, cart.id)) {
    const discount = await cradle.discountService.retrieveByCode(d.code);
    if (!discount.regions.some((r) => r.id === region.id)) invalid.push(d.id);
  }
  if (invalid.length) await tx.manager.createQueryBuilder().relation(Cart, "discounts").of(cart.id).remove(invalid);
  return region;
}
