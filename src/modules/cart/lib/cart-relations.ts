import { JsonBatch, rowsWhereIn, sql, type EntityManager } from "kiosk";
import { Cart } from "../models/cart";
import { CartCompletion } from "../models/cart-completion";
import { LineItem } from "../models/line-item";
import { addVariantParts, type CatalogVariant } from "./catalog";
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
  /** The variants of the lines, with product and prices. */
  variants: Map<string, CatalogVariant>;
  /** Whether a completion of the cart is in flight (read only when asked for). */
  completing?: boolean;
}

/**
 * Reads a cart and everything its view shows in one statement (see `JsonBatch`):
 * its lines, discounts and their rules, shipping methods and their options,
 * payment sessions, and the lines' variants with products and prices (the
 * rows of other modules by entity name). Null when there is no such cart.
 * Called in the request's transaction, so it sees the request's writes.
 * With `completing`, it also says whether a completion is in flight (the
 * `cart_completion` row), in the same statement.
 */
export async function loadCartRows(manager: EntityManager, id: string, options_: { completing?: boolean } = {}): Promise<CartRows | null> {
  const batch = new JsonBatch(manager);
  const carts = batch.rows<Cart>(Cart, sql`t."id" = ${id}`);
  const items = batch.rows<LineItem>(LineItem, sql`t."cart_id" = ${id}`);
  const discounts = batch.rows<any>("Discount", sql`t."id" IN (SELECT "discount_id" FROM "cart_discounts" WHERE "cart_id" = ${id})`);
  const rules = batch.rows<any>(
    "DiscountRule",
    sql`t."id" IN (SELECT d."rule_id" FROM "discount" d JOIN "cart_discounts" j ON j."discount_id" = d."id" WHERE j."cart_id" = ${id})`,
  );
  const methods = batch.rows<any>("ShippingMethod", sql`t."cart_id" = ${id}`);
  const options = batch.rows<any>("ShippingOption", sql`t."id" IN (SELECT "shipping_option_id" FROM "shipping_method" WHERE "cart_id" = ${id})`);
  const sessions = batch.rows<any>("PaymentSession", sql`t."cart_id" = ${id}`);
  const completions = options_.completing ? batch.rows<CartCompletion>(CartCompletion, sql`t."cart_id" = ${id}`) : undefined;
  const variants = addVariantParts(batch, sql`SELECT "variant_id" FROM "line_item" WHERE "cart_id" = ${id}`);
  await batch.run();
  const [cart] = carts.rows;
  if (!cart) return null;
  const ruleById = new Map(rules.rows.map((r) => [r.id, r]));
  const optionById = new Map(options.rows.map((o) => [o.id, o]));
  return {
    cart,
    items: items.rows,
    discounts: discounts.rows.map((d) => ({ ...d, rule: ruleById.get(d.rule_id) ?? null })),
    shipping_methods: methods.rows.map((m) => ({ ...m, shipping_option: optionById.get(m.shipping_option_id) ?? null })),
    payment_sessions: sessions.rows,
    variants: variants(),
    completing: !!completions?.rows.length,
  };
}

/** A cart's subtotal (before discounts, shipping and tax) from its lines alone, without reading the rest of it. */
export async function cartSubtotal(manager: EntityManager, id: string): Promise<number> {
  const lines = await rowsWhereIn<LineItem>(manager, LineItem, "cart_id", [id]);
  return calculateTotals({ lines, shippingPrices: [], taxRate: 0, discounts: [] }).totals.subtotal;
}
