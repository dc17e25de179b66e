import {
  customFieldValues,
  InvalidDataError,
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
import { DRAFT_ORDER_CART, draftCartIdsByEmail, markCompleted } from "../lib/draft-carts";
import { attachDiscount, detachDiscount, replaceDiscounts } from "../lib/cart-discounts";
import { deleteSession, refreshSession, startSessions, updateSession } from "../lib/cart-payment-sessions";
import { changeRegion, countryIn, regionFor } from "../lib/cart-region";
import { cartSubtotal, loadCartRows } from "../lib/cart-relations";
import type { CartView } from "../lib/cart-view";
import type { CatalogVariant } from "../lib/catalog";
import { setCartChannel } from "../lib/cart-channel";
import { addLine, changeLine, type LineItemChange, type LineItemInput } from "../lib/line-pricing";

export type { CartView, LineItemView } from "../lib/cart-view";
export type { LineItemChange, LineItemInput } from "../lib/line-pricing";

export interface CreateCartInput {
  /** A draft order's cart id, chosen beforehand (its shipping data is checked before the transaction opens). */
  id?: string;
  region_id?: string;
  country_code?: string;
  email?: string;
  items?: LineItemInput[];
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown> | null;
  /** `swap` for the cart of a swap (made by the swap module; not an API field). */
  type?: "default" | "swap";
  /** A whole shipping address to start with (not an API field: the swap module copies its order's). */
  shipping_address?: AddressInput;
  /** A store cart's channel (else the publishable key's, else the default one). */
  sales_channel_id?: string;
}

export interface UpdateCartInput extends AddressesInput {
  region_id?: string;
  sales_channel_id?: string;
  email?: string;
  customer_id?: string;
  discounts?: { code: string }[];
  gift_cards?: { code: string }[];
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown> | null;
}

/**
 * Who is asking: the signed-in customer, when there is one; or (`draftOrder`)
 * the admin building a draft order, who reaches only draft orders' carts (the
 * storefront only the others), may give the cart to any customer, and sets
 * prices (`lib/line-pricing.ts`).
 */
export interface CartActor {
  customerId?: string;
  draftOrder?: boolean;
  /** The sales channels the request's publishable key allows (none: any). */
  salesChannelIds?: string[];
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
  retrieve(id: string, actor: CartActor = {}): Promise<CartView> {
    return this.cradle.unitOfWork.read((manager) => readView(this.cradle, manager, id, { draftOrder: actor.draftOrder }));
  }

  create(input: CreateCartInput, actor: CartActor = {}): Promise<CartView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const region = await regionFor(this.cradle, input.region_id);
      let email = input.email?.toLowerCase() ?? null;
      if (actor.customerId && !email) email = (await this.cradle.customerService.retrieve(actor.customerId)).email;
      const cart = tx.manager.create(Cart, {
        ...(input.id && actor.draftOrder ? { id: input.id } : {}),
        region_id: region.id,
        currency_code: region.currency_code.toLowerCase(),
        customer_id: actor.customerId ?? null,
        email,
        shipping_address: null,
        billing_address: null,
        type: actor.draftOrder ? DRAFT_ORDER_CART : (input.type ?? "default"),
        completed_at: null,
        payment_authorized_at: null,
        idempotency_key: null,
        sales_channel_id: null,
        context: input.context ?? {},
        metadata: input.metadata ?? null,
        ...customFieldValues("cart", input),
      });
      if (input.country_code) cart.shipping_address = toAddress({ country_code: countryIn(region, input.country_code) }, null);
      if (input.shipping_address) cart.shipping_address = toAddress(input.shipping_address, null);
      if (cart.type === "default") {
        await setCartChannel(this.cradle, tx.manager, cart, { sales_channel_id: input.sales_channel_id, allowedChannelIds: actor.salesChannelIds });
      }
      await tx.manager.insert(Cart, cart as never);
      for (const item of input.items ?? []) await addLine(this.cradle, tx.manager, cart, region, item);
      tx.emit("cart.created", { id: cart.id });
      return readView(this.cradle, tx.manager, cart.id, { region, draftOrder: actor.draftOrder });
    });
  }

  update(id: string, input: UpdateCartInput, actor: CartActor = {}): Promise<CartView> {
    return changeCart(this.cradle, id, async (tx, cart) => {
      if (input.customer_id !== undefined) {
        const mismatch = input.customer_id !== actor.customerId || (cart.customer_id && cart.customer_id !== actor.customerId);
        if (mismatch && !actor.draftOrder) {
          throw new NotAllowedError("A cart can only be given to the signed-in customer, and only once", "customer_mismatch");
        }
        cart.customer_id = input.customer_id;
        if (!cart.email && input.email === undefined) cart.email = (await this.cradle.customerService.retrieve(input.customer_id)).email;
      }
      if (input.email !== undefined) cart.email = input.email.toLowerCase();
      let region = await this.cradle.regionService.retrieve(cart.region_id);
      if (input.region_id && input.region_id !== cart.region_id) {
        region = await changeRegion(this.cradle, tx, cart, input.region_id);
      }
      if (input.sales_channel_id !== undefined && cart.type === "default") {
        await setCartChannel(this.cradle, tx.manager, cart, { sales_channel_id: input.sales_channel_id, allowedChannelIds: actor.salesChannelIds });
      }
      await setAddresses(this.cradle, cart, region, input);
      if (input.context) cart.context = { ...(cart.context ?? {}), ...input.context };
      if (input.metadata !== undefined) cart.metadata = mergeMetadata(cart.metadata, input.metadata);
      Object.assign(cart, customFieldValues("cart", input));
      await this.saveColumns(tx.manager, cart);
      if (input.discounts) await replaceDiscounts(this.cradle, tx, cart, input.discounts);
      if (input.gift_cards?.length && cart.type !== "default") {
        // A swap's cart confirms its swap and places no order, so nothing would take the cards' balance.
        throw new InvalidDataError(`Gift cards apply only to a store's own carts, not to a ${cart.type} cart`, { code: "gift_cards_not_allowed", field: "gift_cards" });
      }
      if (input.gift_cards) await this.cradle.giftCardService.applyToCart(cart.id, cart.region_id, input.gift_cards.map((g) => g.code));
      return region;
    }, actor);
  }

  addLineItem(id: string, input: LineItemInput, actor: CartActor = {}): Promise<CartView> {
    return changeCart(this.cradle, id, async (tx, cart) => {
      const region = await this.cradle.regionService.retrieve(cart.region_id);
      await addLine(this.cradle, tx.manager, cart, region, input);
      return region;
    }, actor);
  }

  /** Changes a line's quantity (0 removes it, as in Medusa v1) and metadata; a draft order's also its price and title. */
  updateLineItem(id: string, lineId: string, input: LineItemChange, actor: CartActor = {}): Promise<CartView> {
    return changeCart(this.cradle, id, (tx, cart) => changeLine(this.cradle, tx.manager, cart, lineId, input), actor);
  }

  removeLineItem(id: string, lineId: string, actor: CartActor = {}): Promise<CartView> {
    return changeCart(this.cradle, id, async (tx, cart) => {
      const { affected } = await tx.manager.delete(LineItem, { id: lineId, cart_id: cart.id });
      if (!affected) throw new NotFoundError(`Line item with id ${lineId} was not found in cart ${cart.id}`, "line_item_not_found");
    }, actor);
  }

  /** The ids of draft orders' carts whose email contains `text` (at most 1,000): the admin's draft order search. */
  draftCartIdsByEmail(text: string): Promise<string[]> {
    return this.cradle.unitOfWork.read((manager) => draftCartIdsByEmail(manager, text));
  }

  /** The shipping options a customer may choose for the cart. */
  shippingOptions(id: string): Promise<unknown[]> {
    return this.cradle.unitOfWork.read(async (manager) => {
      const [cart] = await rowsWhereIn<Cart>(manager, Cart, "id", [id]);
      if (!cart || cart.type === DRAFT_ORDER_CART) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
      const subtotal = await cartSubtotal(manager, id);
      return this.cradle.shippingOptionService.listForCart({ region_id: cart.region_id, subtotal });
    });
  }

  /**
   * Sets the cart's shipping; the option's provider checks the data before the
   * cart's transaction opens. A draft order's may use an admin-only option and set its `price`,
   * and may have had its data checked already (`prepared`, before the caller's transaction).
   */
  async addShippingMethod(
    id: string,
    optionId: string,
    data: Record<string, unknown> = {},
    actor: CartActor & { price?: number; prepared?: boolean } = {},
  ): Promise<CartView> {
    const kept = actor.prepared ? data : await this.cradle.shippingMethodService.prepareData(id, optionId, data);
    return changeCart(this.cradle, id, async (tx, cart) => {
      const subtotal = await cartSubtotal(tx.manager, cart.id);
      const admin = actor.draftOrder ? { admin: true as const, price: actor.price } : undefined;
      await this.cradle.shippingMethodService.setForCart({ id: cart.id, region_id: cart.region_id, subtotal }, optionId, kept, admin);
    }, actor);
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

  /** Replaces a provider's session with a new one (selected if the old one was). */
  refreshPaymentSession(id: string, providerId: string): Promise<CartView> {
    return refreshSession(this.cradle, id, providerId);
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
  lock(tx: TransactionContext, id: string, actor: CartActor = {}): Promise<Cart> {
    return lockCart(tx, id, actor);
  }

  /**
   * Marks a locked, open cart completed (a draft order paid for: its order is
   * made by the caller, in the same transaction). False when it already was.
   */
  markCompleted(tx: TransactionContext, id: string): Promise<boolean> {
    return markCompleted(tx, id);
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
    const { email, customer_id, region_id, currency_code, shipping_address, billing_address, context, metadata, sales_channel_id } = cart;
    await manager.update(Cart, { id: cart.id }, {
      email,
      sales_channel_id,
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
