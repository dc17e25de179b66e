import {
  ConflictError,
  generateId,
  LessThan,
  UnavailableError,
  UnprocessableError,
  type CatalogVariant,
  type KioskServices,
  type OrderView,
  type PaymentContext,
  type TransactionContext,
} from "kiosk";
import { Cart } from "../models/cart";
import { CartCompletion } from "../models/cart-completion";
import { assertReadyToComplete } from "../lib/completion-checks";
import { CompletionInFlight, CompletionTakenOver, isUniqueViolation } from "../lib/completion-errors";
import { placeOrder, takeForOrder, type Placement, type PlacedOrder, type Takings } from "../lib/order-placement";
import type { CartView } from "../lib/cart-view";
import { completionTarget } from "../lib/completion-targets";

export type CompletionResult = { type: "order"; data: OrderView } | { type: "cart"; data: CartView } | { type: "swap"; data: Record<string, any> };

/** The selected session as the reservation read it: what the provider last saw. */
interface SessionRead {
  id: string;
  provider_id: string;
  amount: number;
  data: Record<string, unknown>;
}

type Reservation =
  | { type: "answer"; result: CompletionResult }
  | { type: "reserved"; completion: CartCompletion; cart: CartView; session: SessionRead | null; context: PaymentContext };

/** How long a second completion of the same cart polls for the first, between looks (ms). */
const POLL_INTERVAL = 50;
/** Beyond the provider timeout, how long a completion's row is its attempt's before the sweeper may take it (ms). */
const LEASE_MARGIN = 10_000;

/**
 * `POST /store/carts/:id/complete`, in three steps so no provider call runs
 * inside a database transaction (Medusa v2's completion workflow):
 *
 * 1. **reserve** — one short transaction: an order already placed for the
 *    cart or the `Idempotency-Key` is the answer; the cart row is locked and
 *    checked (items, email, address, shipping, payment session, variants
 *    still sold, discounts still valid) and the `cart.beforeComplete` hooks
 *    run (a throw refuses it); stock is taken with one conditional
 *    UPDATE per variant, discount uses are counted, and a `cart_completion`
 *    row records all of it (`reserved`).
 * 2. **authorize** — the provider call, with no transaction open and bounded
 *    by `payments.timeout`; an authorization is recorded on the row
 *    (`authorized`) with one UPDATE.
 * 3. **place** — one short transaction: the row is deleted (only by the
 *    attempt that owns it), the cart is marked completed only if it did not
 *    change since step 1, the payment and order are created, the gift cards'
 *    balances taken and the cards bought issued (`giftCardService.settleOrder`),
 *    lines, shipping and payment handed over, the `order.afterCreate` hooks run,
 *    `order.placed` staged. A cart whose total is 0 (gift cards pay it all)
 *    has no payment: nothing is authorized, recorded or voided.
 *
 * Any failure after step 1 is compensated: stock and discount uses given
 * back, the row deleted, the authorization voided with the provider (after
 * that transaction), and no event. A process that dies between steps leaves
 * the row; once it expires, `recover` (the `cart-completions` job) places the
 * order of an `authorized` row and undoes a `reserved` one.
 *
 * A second completion of the same cart while one is in flight waits for it
 * and answers its order (a webhook racing the storefront gives one order).
 */
export default class CartCompletionService {
  constructor(private readonly cradle: KioskServices) {}

  /**
   * In the caller's transaction, what turning a cart into an order takes (its
   * discounts still valid, the `cart.beforeComplete` hooks, stock, discount
   * uses): the first step of a completion, and of a draft order's payment
   * (`customLines`: a line without a variant takes nothing).
   */
  takeForOrder(tx: TransactionContext, cart: CartView, variants: Map<string, CatalogVariant>, options?: { customLines?: boolean }): Promise<Takings> {
    return takeForOrder(this.cradle, tx, cart, variants, options);
  }

  /**
   * In the caller's transaction, makes the order of a cart whose stock
   * `takeForOrder` took (gift cards settled, lines, shipping and payment handed
   * over, the `order.afterCreate` hooks, `order.placed` staged).
   */
  placeOrder(tx: TransactionContext, cart: CartView, placement: Placement): Promise<PlacedOrder> {
    return placeOrder(this.cradle, tx, cart, placement);
  }

  private get lease(): number {
    return this.cradle.config.payments.timeout + LEASE_MARGIN;
  }

  async complete(cartId: string, idempotencyKey?: string): Promise<CompletionResult> {
    if (this.cradle.unitOfWork.active) throw new Error("cartCompletionService.complete opens its own transactions: call it outside one");
    const key = idempotencyKey ?? null;
    const deadline = Date.now() + this.lease;
    try {
      for (;;) {
        const reservation = await this.reserve(cartId, key).catch((err) => {
          if (err instanceof CompletionInFlight || isUniqueViolation(err)) return null;
          throw err;
        });
        if (reservation?.type === "answer") return reservation.result;
        if (reservation) return await this.authorizeAndPlace(reservation);
        if (Date.now() > deadline) {
          throw new ConflictError(`Cart ${cartId} is being completed by another request; try again`, "cart_completion_in_progress");
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL));
      }
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const placed = (key ? await this.cradle.orderService.findByIdempotencyKey(key) : null) ?? (await this.cradle.orderService.findByCart(cartId));
      if (!placed) throw err;
      return this.answer(placed, cartId);
    }
  }

  /**
   * Finishes or undoes completions whose attempt died (the row outlived its
   * lease): an `authorized` one places its order, a `reserved` one gives
   * everything back and voids whatever the provider may have authorized.
   * Each row is claimed first, so two sweepers never take the same one.
   * Returns how many rows were taken.
   */
  async recover(now = new Date()): Promise<number> {
    const expired = await this.cradle.unitOfWork.read((manager) =>
      manager.find(CartCompletion, { where: { expires_at: LessThan(now) }, order: { expires_at: "ASC" }, take: 50 }),
    );
    let taken = 0;
    for (const row of expired) {
      const token = generateId("att");
      const claimed = await this.cradle.unitOfWork.statement((manager) =>
        manager.update(
          CartCompletion,
          { id: row.id, token: row.token },
          { token, expires_at: new Date(Date.now() + this.lease), updated_at: new Date() },
        ),
      );
      if (!claimed.affected) continue;
      taken++;
      const mine = Object.assign(row, { token });
      this.cradle.logger.info({ cart_id: row.cart_id, step: row.step }, `completing cart ${row.cart_id} was interrupted; ${row.step === "authorized" ? "finishing" : "undoing"} it`);
      try {
        if (row.step === "authorized") {
          await this.place(mine);
          continue;
        }
      } catch (err) {
        this.cradle.logger.error({ err, cart_id: row.cart_id }, `cannot finish completing cart ${row.cart_id}; undoing it`);
      }
      await this.undo(mine, { voidPayment: true });
    }
    return taken;
  }

  /** Step 1: one transaction that answers a placed order, or takes stock and discount uses and records the completion. */
  private reserve(cartId: string, key: string | null): Promise<Reservation> {
    return this.cradle.unitOfWork.run(async (tx) => {
      if (key) {
        const placed = await this.cradle.orderService.findByIdempotencyKey(key);
        if (placed) return { type: "answer" as const, result: this.answer(placed, cartId) };
      }
      const locked = await this.cradle.cartService.lock(tx, cartId);
      const target = completionTarget(this.cradle, locked.type);
      if (target && locked.completed_at) return { type: "answer" as const, result: { type: "swap" as const, data: await target.retrieveByCart(cartId) } };
      await target?.assertCompletable(cartId);
      if (locked.completed_at) {
        const placed = await this.cradle.orderService.findByCart(cartId);
        if (placed) return { type: "answer" as const, result: this.answer(placed, cartId) };
        throw new ConflictError(`Cart ${cartId} has already been completed`, "cart_completed");
      }
      const { cart, variants, completing } = await this.cradle.cartService.retrieveWithVariants(cartId);
      // Thrown, not returned: the rollback undoes this attempt's lock, which would otherwise void the first.
      if (completing) throw new CompletionInFlight();
      assertReadyToComplete(cart);
      // The project's veto (`cart.beforeComplete`) runs before anything is taken: a throw rolls this transaction back.
      const { taken, discountIds } = await takeForOrder(this.cradle, tx, cart, variants);

      // A total of 0 (gift cards pay it all) authorizes nothing.
      const session: SessionRead | null = cart.total > 0 ? cart.payment_session : null;
      const completion = tx.manager.create(CartCompletion, {
        cart_id: cartId,
        token: generateId("att"),
        step: "reserved",
        idempotency_key: key,
        cart_updated_at: locked.updated_at,
        payment_session_id: session?.id ?? null,
        provider_id: session?.provider_id ?? null,
        amount: cart.total,
        currency_code: cart.currency_code,
        reserved: [...taken],
        discount_ids: discountIds,
        data: session?.data ?? {},
        expires_at: new Date(Date.now() + this.lease),
      });
      await tx.manager.insert(CartCompletion, completion as never);
      const context = { ...this.cradle.cartService.paymentContext(cart), session_id: session?.id };
      return { type: "reserved" as const, completion, cart, session, context };
    });
  }

  /** Steps 2 and 3, with the compensation of any failure. */
  private async authorizeAndPlace({ completion, cart, session, context }: Extract<Reservation, { type: "reserved" }>): Promise<CompletionResult> {
    let authorization: Awaited<ReturnType<KioskServices["paymentService"]["authorize"]>>;
    try {
      authorization = session ? await this.cradle.paymentService.authorize(session, context) : { status: "authorized", data: {} };
    } catch (err) {
      await this.undo(completion, { voidPayment: true });
      throw err;
    }
    if (authorization.status !== "authorized") {
      const status = authorization.status === "requires_more" ? "requires_more" : "error";
      await this.undo(completion, { session: { status, data: authorization.data } });
      if (status === "error") {
        throw new UnprocessableError("The payment provider did not authorize the payment", "payment_authorization_failed", "payment_session");
      }
      return { type: "cart", data: await this.cradle.cartService.retrieve(completion.cart_id) };
    }
    completion.data = authorization.data;
    try {
      await this.advance(completion);
      return await this.place(completion, cart);
    } catch (err) {
      if (err instanceof CompletionTakenOver) {
        throw new UnavailableError(`Completing cart ${completion.cart_id} took too long; look for its order before trying again`, "cart_completion_expired");
      }
      await this.undo(completion, { voidPayment: true });
      throw err;
    }
  }

  /** Records the authorization on the completion's row (`authorized`), so a crash before the order is finished, not undone. */
  private async advance(completion: CartCompletion): Promise<void> {
    const { affected } = await this.cradle.unitOfWork.statement((manager) =>
      manager.update(
        CartCompletion,
        { id: completion.id, token: completion.token },
        { step: "authorized", data: completion.data as never, updated_at: new Date() },
      ),
    );
    if (!affected) throw new CompletionTakenOver();
    completion.step = "authorized";
  }

  /**
   * Step 3: the order, in one transaction; the cart must not have changed since
   * it was reserved. `reserved` is the cart as the reservation read it: the
   * conditional UPDATE that marks the cart completed proves it is still so,
   * so it is not read again (the sweeper, which has no such copy, reads it).
   */
  private place(completion: CartCompletion, reserved?: CartView): Promise<CompletionResult> {
    const { cart_id: cartId, idempotency_key: key } = completion;
    return this.cradle.unitOfWork.run(async (tx) => {
      const owned = await tx.manager.delete(CartCompletion, { id: completion.id, token: completion.token });
      if (!owned.affected) throw new CompletionTakenOver();
      const now = new Date();
      const marked = await tx.manager
        .createQueryBuilder()
        .update(Cart)
        .set({ completed_at: now, payment_authorized_at: now, idempotency_key: key, updated_at: now })
        .where("id = :id AND updated_at = :at AND completed_at IS NULL", { id: cartId, at: completion.cart_updated_at })
        .execute();
      const cart = marked.affected ? (reserved ?? (await this.cradle.cartService.retrieve(cartId))) : null;
      if (!cart || cart.total !== completion.amount) {
        throw new ConflictError("The cart changed while it was being completed; complete it again", "cart_changed");
      }
      const payment = completion.provider_id
        ? await this.cradle.paymentService.recordAuthorized({
            session_id: completion.payment_session_id!,
            cart_id: cartId,
            provider_id: completion.provider_id,
            amount: completion.amount,
            currency_code: completion.currency_code,
            data: completion.data,
          })
        : null;
      const target = completionTarget(this.cradle, cart.type);
      if (target) return { type: "swap" as const, data: await target.confirmCart({ cart, payment_id: payment?.id ?? null, reserved: completion.reserved }) };
      const order = await placeOrder(this.cradle, tx, cart, { payment, idempotencyKey: key, reserved: new Map(completion.reserved) });
      return { type: "order" as const, data: await this.cradle.orderService.retrieve(order.id) };
    });
  }

  /**
   * Gives back what a completion took (stock, discount uses), deletes its row
   * and records the session's answer, in one transaction; then, with no
   * transaction open, voids the authorization. Nothing happens when the row is
   * no longer this attempt's (the sweeper took it over).
   */
  private async undo(
    completion: CartCompletion,
    options: { voidPayment?: boolean; session?: { status: "requires_more" | "error"; data: Record<string, unknown> } },
  ): Promise<void> {
    const owned = await this.cradle.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(CartCompletion, { id: completion.id, token: completion.token });
      if (!affected) return false;
      await this.cradle.productVariantService.returnStock(new Map(completion.reserved));
      await this.cradle.reservationService.releaseForLines(await this.cradle.lineItemService.idsOfCart(completion.cart_id));
      if (completion.discount_ids.length) await this.cradle.discountService.release(completion.discount_ids);
      if (options.session) await this.cradle.paymentSessionService.recordStatus(completion.cart_id, options.session.status, options.session.data);
      return true;
    });
    if (owned && options.voidPayment && completion.provider_id) {
      await this.cradle.paymentService.voidAuthorization({
        provider_id: completion.provider_id,
        amount: completion.amount,
        currency_code: completion.currency_code,
        data: completion.data,
      });
    }
  }

  /** The order placed for this cart; an `Idempotency-Key` already used for another cart is a 409. */
  private answer(order: OrderView, cartId: string): CompletionResult {
    if (order.cart_id !== cartId) {
      throw new ConflictError("The Idempotency-Key was already used to complete another cart", "idempotency_key_reused");
    }
    return { type: "order", data: order };
  }
}
