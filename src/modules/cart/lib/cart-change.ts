import {
  ConflictError,
  NotFoundError,
  UnprocessableError,
  type EntityManager,
  type KioskServices,
  type PaymentContext,
  type PaymentSession,
  type Region,
  type TaxCalculationResult,
  type TransactionContext,
} from "kiosk";
import { lockRow } from "kiosk/sql";
import { Cart } from "../models/cart";
import { loadCartRows, type CartRows } from "./cart-relations";
import { cartView, type CartView } from "./cart-view";
import { checkedTaxResult } from "./tax-result";
import { DRAFT_ORDER_CART } from "./draft-carts";
import { discountableLines, withEligibleLines } from "./discountable-lines";

/**
 * Which carts a caller reaches: the storefront's by default, or (`draftOrder`)
 * the carts of the admin's draft orders. A cart of the other kind is a 404, so
 * a draft order's cart is not usable from the Store API.
 */
export interface CartScope {
  draftOrder?: boolean;
}

function assertReachable(cart: { id: string; type: string }, scope: CartScope): void {
  if ((cart.type === DRAFT_ORDER_CART) !== !!scope.draftOrder) throw new NotFoundError(`Cart with id ${cart.id} was not found`, "cart_not_found");
}

/**
 * Locks a cart for the rest of the transaction (an UPDATE of its row, which on
 * PostgreSQL makes a concurrent change or completion of the same cart wait
 * for this one to commit) and returns its columns. Unknown (or out of `scope`) is a 404.
 */
export async function lockCart(tx: TransactionContext, id: string, scope: CartScope = {}): Promise<Cart> {
  const cart = await lockRow(tx.manager, Cart, id);
  if (!cart) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
  assertReachable(cart, scope);
  return cart;
}

/** A completed cart no longer changes: a 409. */
export function assertOpen(cart: { id: string; completed_at: Date | null }): void {
  if (cart.completed_at) throw new ConflictError(`Cart ${cart.id} has been completed and can no longer change`, "cart_completed");
}

/** The cart's view from its rows; its region is read unless `known` already has it. */
export async function presentRows(cradle: KioskServices, rows: CartRows, known?: { region?: Region }): Promise<CartView> {
  const { cart } = rows;
  const read = rows.region?.id === cart.region_id ? rows.region : undefined;
  const region = known?.region?.id === cart.region_id ? known.region : (read ?? (await cradle.regionService.retrieve(cart.region_id)));
  const lines = discountableLines(rows.items, rows.variants, rows.customer_group_ids);
  const withLines = { ...rows, discounts: withEligibleLines(cradle, rows.discounts, lines) };
  return cartView(withLines, region, await taxesOf(cradle, rows, region));
}

/** The tax lines of a cart's lines and shipping methods, from the `taxCalculation` strategy (checked). */
async function taxesOf(cradle: KioskServices, rows: CartRows, region: Region): Promise<TaxCalculationResult> {
  const { cart } = rows;
  const result = await cradle.taxCalculationStrategy.taxLines({
    lines: rows.items.map((i) => ({
      id: i.id,
      variant_id: i.variant_id,
      product_id: i.product_id,
      product_type_id: (rows.variants.get(i.variant_id ?? "")?.product as { type_id?: string | null } | undefined)?.type_id ?? null,
      unit_price: i.unit_price,
      quantity: i.quantity,
    })),
    shipping_methods: rows.shipping_methods.map((m: { id: string; shipping_option_id: string; price: number }) => ({
      id: m.id,
      shipping_option_id: m.shipping_option_id,
      price: m.price,
    })),
    region,
    address: cart.shipping_address ?? null,
    customer: { id: cart.customer_id, email: cart.email },
    rates: rows.tax_rates,
  });
  return checkedTaxResult(result);
}

/** The cart as the API shows it (404 when unknown or out of scope). */
export async function readView(
  cradle: KioskServices,
  manager: EntityManager,
  id: string,
  known?: { region?: Region } & CartScope,
): Promise<CartView> {
  const rows = await loadCartRows(cradle, manager, id, { region: !known?.region });
  if (!rows) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
  assertReachable(rows.cart, known ?? {});
  return presentRows(cradle, rows, known);
}

/** A cart that can still change (409 once completed), with items unless told otherwise (422). */
export async function retrieveOpen(cradle: KioskServices, id: string, options: { items?: boolean } = {}): Promise<CartView> {
  const view = await cradle.cartService.retrieve(id);
  assertOpen(view);
  if (options.items !== false && !view.items.length) throw new UnprocessableError("The cart has no items", "cart_empty", "items");
  return view;
}

/** The payment context of a cart view. */
export function paymentContext(view: CartView): PaymentContext {
  return { cart_id: view.id, email: view.email, customer_id: view.customer_id, currency_code: view.currency_code, amount: view.total };
}

/**
 * Runs a change on an open cart in one transaction, then answers the cart as
 * it is now. A change that read the cart's region returns it, so the answer
 * does not read it again.
 */
export async function changeCart(
  cradle: KioskServices,
  id: string,
  work: (tx: TransactionContext, cart: Cart) => Promise<Region | void>,
  scope: CartScope = {},
): Promise<CartView> {
  const view = await cradle.unitOfWork.run(async (tx) => {
    const cart = await lockCart(tx, id, scope);
    assertOpen(cart);
    const region = (await work(tx, cart)) ?? undefined;
    tx.emit("cart.updated", { id });
    return readView(cradle, tx.manager, id, { region, draftOrder: scope.draftOrder });
  });
  return followTotal(cradle, view);
}

/**
 * Pending payment sessions whose amount is not the cart's total follow it:
 * their providers are asked after the change committed, never inside a
 * transaction (inside a caller's own transaction they are left for
 * completion, which brings the selected session up to the total before it
 * authorizes). Answers the cart as it is then.
 */
async function followTotal(cradle: KioskServices, view: CartView): Promise<CartView> {
  const stale = view.payment_sessions!.filter((s: PaymentSession) => s.status === "pending" && s.amount !== view.total);
  if (!stale.length || cradle.unitOfWork.active) return view;
  await cradle.paymentSessionService.follow(paymentContext(view), stale);
  return cradle.unitOfWork.read((manager) => readView(cradle, manager, view.id, { region: view.region }));
}
