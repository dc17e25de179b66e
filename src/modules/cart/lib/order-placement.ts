import { UnprocessableError, type CatalogVariant, type KioskServices, type Payment, type TransactionContext } from "kiosk";
import type { CartView } from "./cart-view";
import type { LineAdjustment } from "./totals";

/** What `takeForOrder` took: stock by variant id, and the discounts whose uses were counted. */
export interface Takings {
  taken: Map<string, number>;
  discountIds: string[];
}

/**
 * What turning a cart into an order takes, in the caller's transaction: its
 * discounts must still apply in its region, the `cart.beforeComplete` hooks may
 * veto it (a throw rolls the caller back), every line's variant must still be
 * sold, then stock is taken (one conditional UPDATE per variant: no oversell)
 * and discount uses counted. With `customLines` (a draft order's cart) a line
 * without a variant takes nothing; otherwise it is refused like a variant no
 * longer sold.
 */
export async function takeForOrder(
  cradle: KioskServices,
  tx: TransactionContext,
  cart: CartView,
  variants: Map<string, CatalogVariant>,
  options: { customLines?: boolean } = {},
): Promise<Takings> {
  const discountIds = (cart.discounts ?? []).map((d: { id: string }) => d.id);
  for (const discount of await cradle.discountService.listByIds(discountIds)) cradle.discountService.assertApplicable(discount, cart.region_id);
  await cradle.hooks.run("cart.beforeComplete", { cart, manager: tx.manager, container: cradle });
  const demand = new Map<string, number>();
  for (const item of cart.items) {
    if (!item.variant_id && options.customLines) continue;
    if (!cradle.productVariantService.isPurchasable(variants.get(item.variant_id ?? ""))) {
      throw new UnprocessableError(`The product of line ${item.id} (${item.title}) is no longer sold`, "variant_unavailable", "items");
    }
    demand.set(item.variant_id!, (demand.get(item.variant_id!) ?? 0) + item.quantity);
  }
  // Variants with an inventory item stocked at locations are reserved there (the inventory module); the rest take variant stock.
  const located = RESERVING_TYPES.has(cart.type) ? await reserveAtLocations(cradle, cart, variants, demand) : new Set<string>();
  for (const variantId of located) demand.delete(variantId);
  const taken = await cradle.productVariantService.takeStock(demand, variants);
  if (discountIds.length) await cradle.discountService.consume(discountIds);
  return { taken, discountIds };
}

/** The order row `placeOrder` made. */
export type PlacedOrder = Awaited<ReturnType<KioskServices["orderService"]["createFromCart"]>>;

/** Carts whose lines reserve at stock locations: a swap's and a claim's keep taking variant stock (their cancellations give that back). */
const RESERVING_TYPES = new Set(["default", "draft_order"]);

/** Reserves the lines of variants with located inventory; answers those variants' ids. */
function reserveAtLocations(cradle: KioskServices, cart: CartView, variants: Map<string, CatalogVariant>, demand: Map<string, number>): Promise<Set<string>> {
  const lines = cart.items
    .filter((item) => item.variant_id && demand.has(item.variant_id))
    .map((item) => {
      const variant = variants.get(item.variant_id!)!;
      return { id: item.id, variant_id: item.variant_id!, quantity: item.quantity, manage_inventory: variant.manage_inventory, allow_backorder: variant.allow_backorder };
    });
  return cradle.reservationService.reserveForCart(lines, cart.sales_channel_id ?? null);
}

/** What `placeOrder` records beside the cart. */
export interface Placement {
  /** The cart's payment, recorded by the caller (none when gift cards paid it all). */
  payment: Payment | null;
  idempotencyKey: string | null;
  /** The stock `takeForOrder` took, by variant id: the lines' reserved units. */
  reserved: Map<string, number>;
  /** Carried by `order.placed` (a draft order's `no_notification_order`). */
  noNotification?: boolean;
}

/**
 * Makes the order of a cart whose stock is taken, in the caller's transaction
 * (a checkout's completion and a draft order's payment alike): the order row,
 * the gift cards' balances taken and the cards bought issued, lines, shipping
 * and payment handed over, the `order.afterCreate` hooks run (what they write
 * commits with the order; a throw undoes it), `order.placed` staged.
 */
export async function placeOrder(cradle: KioskServices, tx: TransactionContext, cart: CartView, placement: Placement): Promise<PlacedOrder> {
  const order = await cradle.orderService.createFromCart(cart, placement.idempotencyKey);
  await cradle.giftCardService.settleOrder(cart, order.id);
  const adjustments: LineAdjustment[] = cart.items.flatMap((i) => i.adjustments);
  await cradle.lineItemService.attachToOrder(cart.id, order.id, adjustments, placement.reserved);
  const freeShipping = (cart.discounts ?? []).some((d: { rule: { type: string } }) => d.rule.type === "free_shipping");
  await cradle.shippingMethodService.attachToOrder(cart.id, order.id, { freeShipping });
  if (placement.payment) await cradle.paymentService.attachToOrder(placement.payment.id, order.id);
  await cradle.hooks.run("order.afterCreate", { order, cart, manager: tx.manager, container: cradle });
  tx.emit("order.placed", { id: order.id, cart_id: cart.id, no_notification: placement.noNotification ?? false });
  return order;
}
