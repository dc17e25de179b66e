import type { DiscountWithRule, EntityManager, GiftCardRow, KioskServices, TaxRateOverrides } from "kiosk";
import { JsonBatch, rowsWhereIn, sql } from "kiosk/sql";
import { Cart } from "../models/cart";
import { CartCompletion } from "../models/cart-completion";
import { LineItem } from "../models/line-item";
import type { CatalogVariant } from "./catalog";
import { calculateTotals } from "./totals";

/** What a cart view is made of: the cart's row and everything hanging off it. */
export interface CartRows {
  cart: Cart;
  items: LineItem[];
  /** Discounts (the discount module's rows) with their `rule`. */
  discounts: any[];
  /** Shipping methods (the shipping module's rows) with their `shipping_option`. */
  shipping_methods: any[];
  /** Payment sessions (the payment module's rows). */
  payment_sessions: any[];
  /** The gift cards applied that can pay now in the cart's region (the gift-card module's rows). */
  gift_cards: GiftCardRow[];
  /** The variants of the lines, with product and prices. */
  variants: Map<string, CatalogVariant>;
  /** The cart's region with countries and currency, as `regionService.retrieve` gives it (read unless `region: false`). */
  region?: any;
  /** The live customer groups of the cart's customer (none for a guest), which discount conditions read. */
  customer_group_ids: string[];
  /** The region's tax rates linked to the lines' products, product types and shipping options (the tax module's read part). */
  tax_rates: TaxRateOverrides;
  /** Whether a completion of the cart is in flight (read only when asked for). */
  completing?: boolean;
}

/**
 * Reads a cart and everything its view shows in one statement (see `JsonBatch`):
 * its lines, and through the read parts of the modules that own them, its
 * discounts and their rules, shipping methods and their options, payment
 * sessions, gift cards, the lines' variants with products and prices, and its region.
 * Null when there is no such cart. Called in the request's transaction, so it
 * sees the request's writes. With `completing`, it also says whether a
 * completion is in flight (the `cart_completion` row), in the same statement;
 * with `region: false` (the caller has it) the region is not read.
 */
export async function loadCartRows(
  reads: KioskServices,
  manager: EntityManager,
  id: string,
  options: { completing?: boolean; region?: boolean } = {},
): Promise<CartRows | null> {
  const batch = new JsonBatch(manager);
  const cartId = sql`${id}`;
  const carts = batch.rows<Cart>(Cart, sql`t."id" = ${id}`);
  const items = batch.rows<LineItem>(LineItem, sql`t."cart_id" = ${id}`);
  const discounts = reads.discountService.readDiscounts(batch, sql`SELECT "discount_id" FROM "cart_discounts" WHERE "cart_id" = ${id}`);
  const methods = reads.shippingMethodService.readForCarts(batch, cartId);
  const sessions = reads.paymentSessionService.readForCarts(batch, cartId);
  const giftCards = reads.giftCardService.readForCarts(batch, cartId);
  const completions = options.completing ? batch.rows<CartCompletion>(CartCompletion, sql`t."cart_id" = ${id}`) : undefined;
  const variants = reads.productVariantService.readVariants(batch, sql`SELECT "variant_id" FROM "line_item" WHERE "cart_id" = ${id}`);
  const taxRates = reads.taxRateService.readForCart(batch, sql`SELECT "region_id" FROM "cart" WHERE "id" = ${id}`, sql`SELECT "product_id" FROM "line_item" WHERE "cart_id" = ${id}`);
  const regions = options.region === false ? undefined : reads.regionService.readRegions(batch, sql`SELECT "region_id" FROM "cart" WHERE "id" = ${id}`);
  const groups = reads.customerGroupService.readGroupIds(batch, sql`SELECT "customer_id" FROM "cart" WHERE "id" = ${id}`);
  await batch.run();
  const [cart] = carts.rows;
  if (!cart) return null;
  return {
    cart,
    items: items.rows,
    discounts: [...discounts().values()],
    shipping_methods: methods(),
    payment_sessions: sessions(),
    gift_cards: (giftCards().get(id) ?? []).filter((card) => reads.giftCardService.isUsable(card, cart.region_id)),
    variants: variants(),
    region: regions?.()[0],
    customer_group_ids: (cart.customer_id && groups().get(cart.customer_id)) || [],
    tax_rates: taxRates(),
    completing: !!completions?.rows.length,
  };
}

/**
 * The discounts on a cart with their rules, through the discount module's read
 * part (one statement, in the caller's transaction when `manager` is its): the
 * cart reads only its own join table, `cart_discounts`.
 */
export async function cartDiscounts(
  reads: KioskServices,
  manager: EntityManager,
  cartId: string,
): Promise<DiscountWithRule[]> {
  const batch = new JsonBatch(manager);
  const discounts = reads.discountService.readDiscounts(batch, sql`SELECT "discount_id" FROM "cart_discounts" WHERE "cart_id" = ${cartId}`);
  await batch.run();
  return [...discounts().values()];
}

/** The live groups of a cart's customer (none for a guest), through the customer module's read part. */
export async function customerGroupIds(reads: KioskServices, manager: EntityManager, customerId: string | null): Promise<string[]> {
  if (!customerId) return [];
  const batch = new JsonBatch(manager);
  const groups = reads.customerGroupService.readGroupIds(batch, sql`${customerId}`);
  await batch.run();
  return groups().get(customerId) ?? [];
}

/** A cart's subtotal (before discounts, shipping and tax) from its lines alone, without reading the rest of it. */
export async function cartSubtotal(manager: EntityManager, id: string): Promise<number> {
  const lines = await rowsWhereIn<LineItem>(manager, LineItem, "cart_id", [id]);
  return calculateTotals({ lines, shippingPrices: [], taxRate: 0, discounts: [] }).totals.subtotal;
}
