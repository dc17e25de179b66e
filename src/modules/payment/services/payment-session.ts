import { ConflictError, generateId, In, NotFoundError, UnprocessableError, type KioskServices, type UnitOfWork } from "kiosk";
import type { JsonBatch, Sql } from "kiosk/sql";
import { PaymentSession } from "../models/payment-session";
import type { PaymentContext, PaymentProvider, ProviderSession } from "../lib/payment-provider";
import { readSessionParts } from "../lib/payment-reads";

/** A session a provider started, not stored yet. */
export interface StartedSession {
  id: string;
  provider_id: string;
  amount: number;
  data: Record<string, unknown>;
}

/**
 * The payment sessions of a cart: one per installed provider, one of them
 * selected. Provider calls (`start`, `providerData`, `follow`, `discard`) run
 * with no transaction open; the writes that store their answers are short
 * transactions of the cart's own change (`save`, `select`, `storeData`).
 */
export default class PaymentSessionService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  private provider(providerId: string): PaymentProvider | undefined {
    return this.cradle.paymentProviderService.find(providerId);
  }

  /**
   * Read part (see `JsonBatch`): adds to the caller's batch the payment sessions
   * of the carts `cartIds` picks (a subquery, `sql.list(ids)` or one bound value
   * `sql\`${id}\``). Call `batch.run()`, then the function returned for the
   * sessions (group them by `cart_id`).
   */
  readForCarts(batch: JsonBatch, cartIds: Sql): () => PaymentSession[] {
    return readSessionParts(batch, cartIds);
  }

  /** The installed providers among `ids`, or every installed one; an unknown id is a 404. */
  providers(ids?: string[]): string[] {
    const registry = this.cradle.paymentProviderService;
    for (const id of ids ?? []) registry.retrieve(id);
    return ids ?? registry.ids();
  }

  /** Starts a session with each provider (no transaction open): their answers, to `save`. */
  async start(context: PaymentContext, providerIds: string[]): Promise<StartedSession[]> {
    const registry = this.cradle.paymentProviderService;
    const started: StartedSession[] = [];
    for (const providerId of providerIds) {
      const id = generateId(PaymentSession.idPrefix);
      const data = await registry.retrieve(providerId).initiatePayment({ ...context, session_id: id });
      started.push({ id, provider_id: providerId, amount: context.amount, data: data ?? {} });
    }
    return started;
  }

  /**
   * Stores started sessions in the cart's transaction. A provider that got a
   * session meanwhile (a concurrent request) keeps it: ours is returned, to be
   * `discard`ed after commit. With `select`, that provider's session becomes the
   * selected one; with one usable provider, its session is selected, as in Medusa v1.
   */
  save(cartId: string, started: StartedSession[], options: { select?: string } = {}): Promise<StartedSession[]> {
    return this.unitOfWork.run(async (tx) => {
      const existing = await tx.manager.findBy(PaymentSession, { cart_id: cartId });
      const dropped = started.filter((s) => existing.some((e) => e.provider_id === s.provider_id));
      const added = started.filter((s) => !dropped.includes(s));
      const usable = [...existing.map((e) => e.provider_id), ...added.map((s) => s.provider_id)].filter((id) => this.provider(id));
      const only = usable.length === 1 && !existing.some((e) => e.provider_id === usable[0] && e.is_selected) ? usable[0] : undefined;
      const chosen = options.select ?? only;
      for (const s of added) {
        const session = tx.manager.create(PaymentSession, {
          id: s.id,
          cart_id: cartId,
          provider_id: s.provider_id,
          is_selected: s.provider_id === chosen,
          is_initiated: true,
          status: "pending",
          data: s.data,
          amount: s.amount,
          payment_authorized_at: null,
        });
        await tx.manager.insert(PaymentSession, session as never);
      }
      if (chosen) {
        // Only the sessions whose flag is wrong are written (none, when a new session is the one chosen).
        const wrong = existing.filter((e) => e.is_selected !== (e.provider_id === chosen));
        for (const e of wrong) await tx.manager.update(PaymentSession, { id: e.id }, { is_selected: !e.is_selected, updated_at: new Date() });
      }
      return dropped;
    });
  }

  /** Tells providers their sessions will not be used (never throws; no transaction open). */
  async discard(sessions: { provider_id: string; data: Record<string, unknown> }[]): Promise<void> {
    for (const s of sessions) {
      try {
        await this.provider(s.provider_id)?.deletePayment?.(s.data);
      } catch {
        /* best effort: the session is gone from the cart either way */
      }
    }
  }

  /** A cart's session with one provider, or a 404. */
  async retrieve(cartId: string, providerId: string): Promise<PaymentSession> {
    const session = await this.unitOfWork.run((tx) => tx.manager.findOneBy(PaymentSession, { cart_id: cartId, provider_id: providerId }));
    if (!session) throw new NotFoundError(`The cart has no payment session with ${providerId}`, "payment_session_not_found");
    return session;
  }

  /**
   * The storefront's input for a session, given to its provider (no transaction
   * open): what the provider returns is the session's new data. A provider that
   * takes no input refuses it with a 422.
   */
  async providerData(session: PaymentSession, currencyCode: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const provider = this.cradle.paymentProviderService.retrieve(session.provider_id);
    if (!provider.updatePaymentData) {
      throw new UnprocessableError(`Payment provider ${session.provider_id} takes no data from the storefront`, "payment_data_not_accepted", "data");
    }
    const view: ProviderSession = {
      id: session.id,
      cart_id: session.cart_id,
      provider_id: session.provider_id,
      amount: session.amount,
      currency_code: currencyCode,
      data: session.data,
    };
    return (await provider.updatePaymentData(view, input)) ?? {};
  }

  /**
   * Stores a provider's answer in the cart's transaction (which holds the cart's
   * lock): the session is pending again (a new card after a decline or a
   * challenge). One that was authorized or canceled (or is gone) is a 409.
   */
  storeData(session: PaymentSession, data: Record<string, unknown>): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.update(
        PaymentSession,
        { id: session.id, status: In(["pending", "requires_more", "error"]) },
        { data: data as never, status: "pending", updated_at: new Date() },
      );
      if (!affected) throw new ConflictError("The payment session changed meanwhile; try again", "payment_session_changed");
    });
  }

  /** Removes a provider's session in the cart's transaction; returns it (for `discard` after commit), or null. */
  remove(cartId: string, providerId: string): Promise<PaymentSession | null> {
    return this.unitOfWork.run(async (tx) => {
      const session = await tx.manager.findOneBy(PaymentSession, { cart_id: cartId, provider_id: providerId });
      if (session) await tx.manager.delete(PaymentSession, { id: session.id });
      return session;
    });
  }

  /**
   * The cart's total changed: each pending session whose amount differs is
   * brought up to it by its provider (no transaction open), then stored if its
   * amount did not change meanwhile. Completion brings the selected session up
   * to the total again before it authorizes, so a lost race here costs nothing.
   */
  async follow(context: PaymentContext, sessions: PaymentSession[]): Promise<void> {
    for (const session of sessions) {
      if (session.status !== "pending" || session.amount === context.amount) continue;
      const provider = this.provider(session.provider_id);
      const data = provider?.updatePayment ? await provider.updatePayment(session.data, { ...context, session_id: session.id }) : session.data;
      await this.unitOfWork.statement((manager) =>
        manager.update(
          PaymentSession,
          { id: session.id, status: "pending", amount: session.amount },
          { amount: context.amount, data: (data ?? {}) as never, updated_at: new Date() },
        ),
      );
    }
  }

  /** Keeps what the provider answered when an authorization needs more from the customer (or failed). */
  recordStatus(cartId: string, status: "requires_more" | "error" | "pending", data: Record<string, unknown>): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await tx.manager.update(PaymentSession, { cart_id: cartId, is_selected: true }, { status, data: data as never, updated_at: new Date() });
    });
  }

  /** Drops every session of a cart (its region, and so its currency, changed). */
  clearForCart(cartId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await tx.manager.delete(PaymentSession, { cart_id: cartId });
    });
  }
}
