import { ConflictError, UnprocessableError, type TransactionContext, type UnitOfWork } from "kiosk";
import { Cart } from "../models/cart";
import { isPurchasable } from "../lib/catalog";
import { isUniqueViolation, PaymentNotAuthorized } from "../lib/completion-errors";
import { takeStock } from "../lib/inventory";
import type { LineAdjustment } from "../lib/totals";
import type CartService from "./cart";
import type { CartView } from "./cart";
import type LineItemService from "./line-item";

interface OrderLike {
  id: string;
  cart_id: string | null;
}

interface PaymentLike {
  id: string;
  provider_id: string;
  amount: number;
  currency_code: string;
  data: Record<string, unknown>;
}

interface DiscountLike {
  id: string;
  code: string;
  regions: { id: string }[];
  rule: { type: string; value: number; allocation: string | null };
}

interface Cradle {
  unitOfWork: UnitOfWork;
  cartService: CartService;
  lineItemService: LineItemService;
  orderService: {
    findByCart(cartId: string, parent?: TransactionContext): Promise<OrderLike | null>;
    findByIdempotencyKey(key: string, parent?: TransactionContext): Promise<OrderLike | null>;
    createFromCart(cart: CartView, idempotencyKey: string | null, parent?: TransactionContext): Promise<{ id: string }>;
    retrieve(id: string, parent?: TransactionContext): Promise<OrderLike>;
  };
  discountService: {
    listByIds(ids: string[]): Promise<DiscountLike[]>;
    assertApplicable(discount: DiscountLike, regionId: string, now?: Date): void;
    consume(ids: string[], parent?: TransactionContext): Promise<void>;
  };
  paymentService: {
    authorizeForCart(
      context: ReturnType<CartService["paymentContext"]>,
      parent?: TransactionContext,
    ): Promise<{ status: "authorized" | "requires_more" | "error"; data: Record<string, unknown>; payment?: PaymentLike }>;
    attachToOrder(paymentId: string, orderId: string, parent?: TransactionContext): Promise<void>;
    voidAuthorization(payment: PaymentLike): Promise<void>;
  };
  paymentSessionService: {
    recordStatus(cartId: string, status: "requires_more" | "error", data: Record<string, unknown>): Promise<void>;
  };
  shippingMethodService: {
    attachToOrder(cartId: string, orderId: string, options: { freeShipping: boolean }, parent?: TransactionContext): Promise<void>;
  };
}

export type CompletionResult = { type: "order"; data: OrderLike } | { type: "cart"; data: CartView };

/**
 * `POST /store/carts/:id/complete`: turns a cart into an order in ONE
 * transaction that spans the cart, product, discount, payment, shipping and
 * order modules (their services join it through the unit of work):
 *
 * 1. an order already placed with the `Idempotency-Key`, or for the cart, is
 *    the answer (the cart row is locked first, so a concurrent completion of
 *    the same cart waits for this one and then finds its order);
 * 2. the cart is checked: items, email, shipping address, shipping method,
 *    selected payment session, variants still sold, discounts still valid;
 * 3. stock is taken with one conditional UPDATE per variant (422
 *    `insufficient_inventory` rolls everything back);
 * 4. each discount's use is counted with a conditional UPDATE;
 * 5. the payment is authorized with the provider;
 * 6. the order is created (`cart_id` and `idempotency_key` unique), the lines,
 *    shipping methods and payment handed to it, the cart marked completed,
 *    and `order.placed` staged, published only after commit.
 *
 * A unique violation from a concurrent completion that slipped past step 1 is
 * answered with the order that won. When the provider does not authorize, the
 * transaction rolls back (no stock taken, no code used) and the answer is the
 * cart (`requires_more`) or a 422 (`error`).
 */
export default class CartCompletionService {
  private readonly cradle: Cradle;

  constructor(cradle: Cradle) {
    this.cradle = cradle;
  }

  async complete(cartId: string, idempotencyKey?: string): Promise<CompletionResult> {
    const key = idempotencyKey ?? null;
    let authorized: PaymentLike | undefined;
    try {
      return await this.cradle.unitOfWork.run(async (tx) => {
        authorized = undefined;
        if (key) {
          const placed = await this.cradle.orderService.findByIdempotencyKey(key, tx);
          if (placed) return this.answer(placed, cartId);
        }
        const locked = await this.cradle.cartService.lock(tx, cartId);
        if (locked.completed_at) {
          const placed = await this.cradle.orderService.findByCart(cartId, tx);
          if (placed) return this.answer(placed, cartId);
          throw new ConflictError(`Cart ${cartId} has already been completed`, "cart_completed");
        }
        const { cart, variants } = await this.cradle.cartService.retrieveWithVariants(cartId, tx);
        this.assertReady(cart);
        const discounts = await this.cradle.discountService.listByIds((cart.discounts ?? []).map((d: { id: string }) => d.id));
        for (const discount of discounts) this.cradle.discountService.assertApplicable(discount, cart.region_id);

        const demand = new Map<string, number>();
        for (const item of cart.items) {
          if (!isPurchasable(variants.get(item.variant_id ?? ""))) {
            throw new UnprocessableError(`The product of line ${item.id} (${item.title}) is no longer sold`, "variant_unavailable", "items");
          }
          demand.set(item.variant_id!, (demand.get(item.variant_id!) ?? 0) + item.quantity);
        }
        const taken = await takeStock(tx.manager, demand, variants);
        if (discounts.length) await this.cradle.discountService.consume(discounts.map((d) => d.id), tx);

        const authorization = await this.cradle.paymentService.authorizeForCart(this.cradle.cartService.paymentContext(cart), tx);
        if (authorization.status !== "authorized" || !authorization.payment) {
          throw new PaymentNotAuthorized(authorization.status === "authorized" ? "error" : authorization.status, authorization.data);
        }
        authorized = authorization.payment;

        const order = await this.cradle.orderService.createFromCart(cart, key, tx);
        const adjustments: LineAdjustment[] = cart.items.flatMap((i) => i.adjustments);
        await this.cradle.lineItemService.attachToOrder(cartId, order.id, adjustments, taken, tx);
        const freeShipping = (cart.discounts ?? []).some((d: { rule: { type: string } }) => d.rule.type === "free_shipping");
        await this.cradle.shippingMethodService.attachToOrder(cartId, order.id, { freeShipping }, tx);
        await this.cradle.paymentService.attachToOrder(authorization.payment.id, order.id, tx);
        const now = new Date();
        await tx.manager.update(Cart, { id: cartId }, { completed_at: now, payment_authorized_at: now, idempotency_key: key, updated_at: now });
        tx.emit("order.placed", { id: order.id, cart_id: cartId, no_notification: false });
        return { type: "order" as const, data: await this.cradle.orderService.retrieve(order.id, tx) };
      });
    } catch (err) {
      if (authorized) await this.cradle.paymentService.voidAuthorization(authorized);
      if (err instanceof PaymentNotAuthorized) return this.notAuthorized(cartId, err);
      if (isUniqueViolation(err)) {
        const placed =
          (key ? await this.cradle.orderService.findByIdempotencyKey(key) : null) ?? (await this.cradle.orderService.findByCart(cartId));
        if (placed) return this.answer(placed, cartId);
      }
      throw err;
    }
  }

  /** The order placed for this cart; an `Idempotency-Key` already used for another cart is a 409. */
  private answer(order: OrderLike, cartId: string): CompletionResult {
    if (order.cart_id !== cartId) {
      throw new ConflictError("The Idempotency-Key was already used to complete another cart", "idempotency_key_reused");
    }
    return { type: "order", data: order };
  }

  /** Each reason a cart cannot be completed yet, as a 422 with its own code. */
  private assertReady(cart: CartView): void {
    if (!cart.items.length) throw new UnprocessableError("The cart has no items", "cart_empty", "items");
    if (!cart.email) throw new UnprocessableError("The cart needs an email", "email_required", "email");
    const address = cart.shipping_address;
    if (!address?.country_code || !address.address_1) {
      throw new UnprocessableError("The cart needs a shipping address with address_1 and country_code", "shipping_address_required", "shipping_address");
    }
    if (!cart.shipping_methods?.length) {
      throw new UnprocessableError("The cart needs a shipping method", "shipping_method_required", "shipping_methods");
    }
    if (cart.shipping_methods.some((m: { shipping_option?: { deleted_at: Date | null } }) => m.shipping_option?.deleted_at)) {
      throw new UnprocessableError("The cart's shipping option is no longer offered; choose another", "shipping_option_unavailable", "shipping_methods");
    }
    if (!cart.payment_session) {
      throw new UnprocessableError("The cart needs a selected payment session", "payment_session_required", "payment_session");
    }
  }

  private async notAuthorized(cartId: string, err: PaymentNotAuthorized): Promise<CompletionResult> {
    await this.cradle.paymentSessionService.recordStatus(cartId, err.status, err.data);
    if (err.status === "error") {
      throw new UnprocessableError("The payment provider did not authorize the payment", "payment_authorization_failed", "payment_session");
    }
    return { type: "cart", data: await this.cradle.cartService.retrieve(cartId) };
  }
}
