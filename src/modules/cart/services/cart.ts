import {
  customFieldValues,
  mergeMetadata,
  NotAllowedError,
  NotFoundError,
  type EntityManager,
  type KioskServices,
  type PaymentContext,
  type TransactionContext,
} from "kiosk";
import { rowsWhereIn } from "kiosk/sql";
import { Cart } from "../models/cart";
import { LineItem } from "../models/line-item";
import { toAddress, type AddressInput } from "../lib/address";
import { setAddresses, type AddressesInput } from "../lib/cart-addresses";
import { changeCart, lockCart, paymentContext, presentRows, readView } from "../lib/cart-change";
import { attachDiscount, detachDiscount, replaceDiscounts } from "../lib/cart-discounts";
import { deleteSession, startSessions, updateSession } from "../lib/cart-payment-sessions";
import { changeRegion, countryIn, regionFor } from "../lib/cart-region";
import { cartSubtotal, loadCartRows } from "../lib/cart-relations";
import type { CartView } from "../lib/cart-view";
import type { CatalogVariant } from "../lib/catalog";
import { addLine, changeLine, type LineItemInput } from "../lib/line-pricing";

export type { CartView, LineItemView } from "../lib/cart-view";
export type { LineItemInput } from "../lib/line-pricing";

export interface CreateCartInput {
  region_id?: string;
  country_code?: string;
  email?: string;
  items?: { variant_id: string; quantity: number; metadata?: Record<string, unknown> | null }[];
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown> | null;
  /** `swap` for the cart of a swap (made by the swap module; not an API field). */
  type?: "default" | "swap";
  /** A whole shipping address to start with (not an API field: the swap module copies its order's). */
  shipping_address?: AddressInput;
}

export interface UpdateCartInput extends AddressesInput {
  region_id?: string;
  email?: string;
  customer_id?: string;
  discounts?: { code: string }[];
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown> | null;
}

/** Who is asking: the signed-in customer, when there is one. */
export interface CartActor {
  customerId?: string;
}

/**
 * Carts: create one for a region, add and change lines (priced from the
 * region, checked against stock), set email and addresses, apply discount
 * codes, choose shipping and payment. Every change runs in one transaction that
 * first locks the cart row, recomputes the totals, follows them with the
 * payment sessions and raises `cart.updated` (`lib/cart-change.ts`).
 *
 * The parts live in `lib/` by responsibility: the view (`cart-view.ts`), line
 * pricing (`line-pricing.ts`), a change of region (`cart-region.ts`), the
 * address book (`cart-addresses.ts`), discount codes (`cart-discounts.ts`) and
 * payment sessions (`cart-payment-sessions.ts`).
 */
export default class CartService {
  constructor(private readonly cradle: KioskServices) {}

  /** A cart with its lines, discounts, shipping, payment sessions, region and totals. */
  retrieve(id: string): Promise<CartView> {
    return this.cradle.unitOfWork.read((manager) => readView(this.cradle, manager, id));
  }

  create(input: CreateCartInput, actor: CartActor = {}): Promise<CartView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const region = await regionFor(this.cradle, input.region_id);
      let email = input.email?.toLowerCase() ?? null;
      if (actor.customerId && !email) email = (await this.cradle.customerService.retrieve(actor.customerId)).email;
      const cart = tx.manager.create(Cart, {
        region_id: region.id,
        currency_code: region.currency_code.toLowerCase(),
        customer_id: actor.customerId ?? null,
        email,
        shipping_address: null,
        billing_address: null,
        type: input.type ?? "default",
        completed_at: null,
        payment_authorized_at: null,
        idempotency_key: null,
        context: input.context ?? {},
        metadata: input.metadata ?? null,
        ...customFieldValues("cart", input),
      });
      if (input.country_code) cart.shipping_address = toAddress({ country_code: countryIn(region, input.country_code) }, null);
      if (input.shipping_address) cart.shipping_address = toAddress(input.shipping_address, null);
      await tx.manager.insert(Cart, cart as never);
      for (const item of input.items ?? []) await addLine(this.cradle, tx.manager, cart, region, item);
      tx.emit("cart.created", { id: cart.id });
      return readView(this.cradle, tx.manager, cart.id, { region });
    });
  }

  update(id: string, input: UpdateCartInput, actor: CartActor = {}): Promise<CartView> {
    return changeCart(this.cradle, id, async (tx, cart) => {
      if (input.customer_id !== undefined) {
        if (input.customer_id !== actor.customerId || (cart.customer_id && cart.customer_id !== actor.customerId)) {
          throw new NotAllowedError("A cart can only be given to the signed-in customer, and only once", "customer_mismatch");
        }
        cart.customer_id = actor.customerId;
        if (!cart.email && input.email === undefined) cart.email = (await this.cradle.customerService.retrieve(actor.customerId)).email;
      }
      if (input.email !== undefined) cart.email = input.email.toLowerCase();
      let region = await this.cradle.regionService.retrieve(cart.region_id);
      if (input.region_id && input.region_id !== cart.region_id) {
        region = await changeRegion(this.cradle, tx, cart, input.region_id);
      }
      await setAddresses(this.cradle, cart, region, input);
      if (input.context) cart.context = { ...(cart.context ?? {}), ...input.context };
      if (input.metadata !== undefined) cart.metadata = mergeMetadata(cart.metadata, input.metadata);
      Object.assign(cart, customFieldValues("cart", input));
      await this.saveColumns(tx.manager, cart);
      if (input.discounts) await replaceDiscounts(this.cradle, tx, cart, input.discounts);
      return region;
    });
  }

  addLineItem(id: string, input: LineItemInput): Promise<CartView> {
    return changeCart(this.cradle, id, async (tx, cart) => {
      const region = await this.cradle.regionService.retrieve(cart.region_id);
      await addLine(this.cradle, tx.manager, cart, region, input);
      return region;
    });
  }

  /** Changes a line's quantity (0 removes it, as in Medusa v1) and metadata. */
  updateLineItem(id: string, lineId: string, input: { quantity: number; metadata?: Record<string, unknown> | null }): Promise<CartView> {
    return changeCart(this.cradle, id, (tx, cart) => changeLine(this.cradle, tx.manager, cart, lineId, input));
  }

  removeLineItem(id: string, lineId: string): Promise<CartView> {
    return changeCart(this.cradle, id, async (tx, cart) => {
      const { affected } = await tx.manager.delete(LineItem, { id: lineId, cart_id: cart.id });
      if (!affected) throw new NotFoundError(`Line item with id ${lineId} was not found in cart ${cart.id}`, "line_item_not_found");
    });
  }

  /** The shipping options a customer may choose for the cart. */
  shippingOptions(id: string): Promise<unknown[]> {
    return this.cradle.unitOfWork.read(async (manager) => {
      const [cart] = await rowsWhereIn<Cart>(manager, Cart, "id", [id]);
      if (!cart) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
      const subtotal = await cartSubtotal(manager, id);
      return this.cradle.shippingOptionService.listForCart({ region_id: cart.region_id, subtotal });
    });
  }

  /** Sets the cart's shipping; the option's provider checks the data before the cart's transaction opens. */
  async addShippingMethod(id: string, optionId: string, data: Record<string, unknown> = {}): Promise<CartView> {
    const kept = await this.cradle.shippingMethodService.prepareData(id, optionId, data);
    return changeCart(this.cradle, id, async (tx, cart) => {
      const subtotal = await cartSubtotal(tx.manager, cart.id);
      await this.cradle.shippingMethodService.setForCart({ id: cart.id, region_id: cart.region_id, subtotal }, optionId, kept);
    });
  }

  /**
   * Starts a payment session with every installed provider the cart has none
   * with yet (selected at once when there is one). The providers are asked
   * before the cart's transaction opens.
   */
  createPaymentSessions(id: string): Promise<CartView> {
    return startSessions(this.cradle, id);
  }

  /** Selects one provider's session, starting it first (before the transaction) when the cart has none. */
  selectPaymentSession(id: string, providerId: string): Promise<CartView> {
    return startSessions(this.cradle, id, providerId);
  }

  /**
   * The storefront's input for a session goes to its provider (before the
   * transaction); the session keeps what the provider answers, never the input itself.
   */
  updatePaymentSession(id: string, providerId: string, input: Record<string, unknown>): Promise<CartView> {
    return updateSession(this.cradle, id, providerId, input);
  }

  /** Removes a provider's session; the provider hears of it after commit. */
  deletePaymentSession(id: string, providerId: string): Promise<CartView> {
    return deleteSession(this.cradle, id, providerId);
  }

  /** Applies a code; a code that cannot be used is refused with the reason (404 / 422). */
  applyDiscount(id: string, code: string): Promise<CartView> {
    return changeCart(this.cradle, id, (tx, cart) => attachDiscount(this.cradle, tx, cart, code));
  }

  /** Takes a code off the cart (nothing happens when it was not on it). */
  removeDiscount(id: string, code: string): Promise<CartView> {
    return changeCart(this.cradle, id, (tx, cart) => detachDiscount(this.cradle, tx, cart, code));
  }

  /**
   * Locks a cart for the rest of the transaction (an UPDATE of its row, which on
   * PostgreSQL makes a concurrent change or completion of the same cart wait
   * for this one to commit) and returns its columns. Unknown is a 404.
   */
  lock(tx: TransactionContext, id: string): Promise<Cart> {
    return lockCart(tx, id);
  }

  /** The payment context of a cart view. */
  paymentContext(view: CartView): PaymentContext {
    return paymentContext(view);
  }

  /**
   * The cart as the API shows it, and the full catalog rows of its lines'
   * variants (product status, stock settings), which completion checks.
   */
  async retrieveWithVariants(id: string): Promise<{ cart: CartView; variants: Map<string, CatalogVariant>; completing: boolean }> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const rows = await loadCartRows(this.cradle, tx.manager, id, { completing: true });
      if (!rows) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
      return { cart: await presentRows(this.cradle, rows), variants: rows.variants, completing: !!rows.completing };
    });
  }

  /** Saves the cart's own columns (never its relations). */
  private async saveColumns(manager: EntityManager, cart: Cart): Promise<void> {
    const { email, customer_id, region_id, currency_code, shipping_address, billing_address, context, metadata } = cart;
    await manager.update(Cart, { id: cart.id }, {
      email,
      customer_id,
      region_id,
      currency_code,
      shipping_address,
      billing_address,
      context,
      metadata,
      ...customFieldValues("cart", cart),
      updated_at: new Date(),
    } as never);
  }
}
