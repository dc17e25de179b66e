import { type TransactionContext, type UnitOfWork } from "kiosk";
import { PaymentSession } from "../models/payment-session";
import type { PaymentContext } from "../lib/payment-provider";
import type PaymentProviderService from "./payment-provider";

/** The payment sessions of a cart: one per installed provider, one of them selected. */
export default class PaymentSessionService {
  private readonly cradle: { unitOfWork: UnitOfWork; paymentProviderService: PaymentProviderService };

  constructor(cradle: PaymentSessionService["cradle"]) {
    this.cradle = cradle;
  }

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /**
   * Starts a session with every installed provider the cart has none with yet,
   * and brings the others up to the cart's total. With one provider, its
   * session is selected, as in Medusa v1.
   */
  createForCart(context: PaymentContext, parent?: TransactionContext): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const registry = this.cradle.paymentProviderService;
      const existing = await tx.manager.findBy(PaymentSession, { cart_id: context.cart_id });
      for (const providerId of registry.ids()) {
        if (existing.some((s) => s.provider_id === providerId)) continue;
        const data = await registry.retrieve(providerId).initiatePayment(context);
        const session = tx.manager.create(PaymentSession, {
          cart_id: context.cart_id,
          provider_id: providerId,
          is_selected: false,
          is_initiated: true,
          status: "pending",
          data: data ?? {},
          amount: context.amount,
          payment_authorized_at: null,
        });
        await tx.manager.insert(PaymentSession, session as never);
        existing.push(session);
      }
      await this.follow(tx, existing.filter((s) => s.status === "pending"), context);
      const usable = existing.filter((s) => registry.ids().includes(s.provider_id));
      if (usable.length === 1 && !usable[0].is_selected) {
        await tx.manager.update(PaymentSession, { id: usable[0].id }, { is_selected: true, updated_at: new Date() });
      }
    }, parent);
  }

  /** Selects the session of one provider (starting it if needed); the others are deselected. */
  select(context: PaymentContext, providerId: string, parent?: TransactionContext): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const provider = this.cradle.paymentProviderService.retrieve(providerId);
      let session = await tx.manager.findOneBy(PaymentSession, { cart_id: context.cart_id, provider_id: providerId });
      if (!session) {
        session = tx.manager.create(PaymentSession, {
          cart_id: context.cart_id,
          provider_id: providerId,
          is_selected: true,
          is_initiated: true,
          status: "pending",
          data: (await provider.initiatePayment(context)) ?? {},
          amount: context.amount,
          payment_authorized_at: null,
        });
        await tx.manager.insert(PaymentSession, session as never);
      }
      await tx.manager.update(PaymentSession, { cart_id: context.cart_id }, { is_selected: false, updated_at: new Date() });
      await tx.manager.update(PaymentSession, { id: session.id }, { is_selected: true, updated_at: new Date() });
    }, parent);
  }

  /** Replaces a session's provider data (`POST /store/carts/:id/payment-sessions/:provider_id`). */
  updateData(cartId: string, providerId: string, data: Record<string, unknown>, parent?: TransactionContext): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.update(
        PaymentSession,
        { cart_id: cartId, provider_id: providerId },
        { data: data as never, updated_at: new Date() },
      );
      return !!affected;
    }, parent);
  }

  /** Removes a provider's session; false when there was none. */
  remove(cartId: string, providerId: string, parent?: TransactionContext): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      const session = await tx.manager.findOneBy(PaymentSession, { cart_id: cartId, provider_id: providerId });
      if (!session) return false;
      await tx.manager.delete(PaymentSession, { id: session.id });
      const provider = this.cradle.paymentProviderService.ids().includes(providerId)
        ? this.cradle.paymentProviderService.retrieve(providerId)
        : undefined;
      await provider?.deletePayment?.(session.data);
      return true;
    }, parent);
  }

  /** The cart changed: each pending session follows its new total. */
  refreshAmounts(context: PaymentContext, parent?: TransactionContext): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const sessions = await tx.manager.findBy(PaymentSession, { cart_id: context.cart_id, status: "pending" });
      await this.follow(tx, sessions, context);
    }, parent);
  }

  /** Brings pending sessions whose amount is not the cart's total up to it, through their providers. */
  private async follow(tx: TransactionContext, sessions: PaymentSession[], context: PaymentContext): Promise<void> {
    const registry = this.cradle.paymentProviderService;
    for (const session of sessions) {
      if (session.amount === context.amount) continue;
      const provider = registry.ids().includes(session.provider_id) ? registry.retrieve(session.provider_id) : undefined;
      const data = provider?.updatePayment ? await provider.updatePayment(session.data, context) : session.data;
      await tx.manager.update(PaymentSession, { id: session.id }, { amount: context.amount, data: (data ?? {}) as never, updated_at: new Date() });
    }
  }

  /** Keeps what the provider answered when an authorization needs more from the customer (or failed). */
  recordStatus(cartId: string, status: "requires_more" | "error", data: Record<string, unknown>, parent?: TransactionContext): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await tx.manager.update(PaymentSession, { cart_id: cartId, is_selected: true }, { status, data: data as never, updated_at: new Date() });
    }, parent);
  }

  /** Drops every session of a cart (its region, and so its currency, changed). */
  clearForCart(cartId: string, parent?: TransactionContext): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await tx.manager.delete(PaymentSession, { cart_id: cartId });
    }, parent);
  }
}
