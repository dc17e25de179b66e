import {
  InvalidDataError,
  KioskError,
  UnavailableError,
  withTimeout,
  type TransactionContext,
  type UnitOfWork,
} from "kiosk";
import { Payment } from "../models/payment";
import { PaymentSession } from "../models/payment-session";
import { Refund, type RefundReason } from "../models/refund";
import type { PaymentAuthorization, PaymentContext, ProviderPayment } from "../lib/payment-provider";
import type PaymentProviderService from "./payment-provider";

/** The selected session of a cart, as completion read it. */
export interface SessionToAuthorize {
  id: string;
  provider_id: string;
  amount: number;
  data: Record<string, unknown>;
}

/** A provider payment to void, by its provider. */
export type PaymentToVoid = ProviderPayment & { provider_id: string };

/** Payments: authorized from a cart's selected session, then captured, refunded or canceled for the order. */
export default class PaymentService {
  private readonly cradle: {
    unitOfWork: UnitOfWork;
    paymentProviderService: PaymentProviderService;
    config: { payments: { timeout: number } };
    logger: { warn(obj: object, msg: string): void };
  };

  constructor(cradle: PaymentService["cradle"]) {
    this.cradle = cradle;
  }

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /**
   * Asks the session's provider to authorize the cart's total, with no
   * transaction open and for at most `payments.timeout` ms, first bringing the
   * session up to the total when it differs. A provider that throws (other
   * than a Kiosk error of its own) or does not answer in time is a 503, and
   * whatever it may have done is for the caller to void.
   */
  async authorize(session: SessionToAuthorize, context: PaymentContext): Promise<PaymentAuthorization> {
    const provider = this.cradle.paymentProviderService.retrieve(session.provider_id);
    const call = async (): Promise<PaymentAuthorization> => {
      let data = session.data;
      if (session.amount !== context.amount && provider.updatePayment) data = (await provider.updatePayment(data, context)) ?? data;
      const result = await provider.authorizePayment(data, context);
      return { status: result.status, data: result.data ?? data };
    };
    return this.bounded(session.provider_id, "authorize", call());
  }

  /** Records an authorized payment for the cart (one per cart) and marks its session authorized, in the caller's transaction. */
  recordAuthorized(
    tx: TransactionContext,
    input: { session_id: string; cart_id: string; provider_id: string; amount: number; currency_code: string; data: Record<string, unknown> },
  ): Promise<Payment> {
    return this.unitOfWork.run(async (tx) => {
      const now = new Date();
      await tx.manager.update(
        PaymentSession,
        { id: input.session_id },
        { status: "authorized", data: input.data as never, amount: input.amount, payment_authorized_at: now, updated_at: now },
      );
      const payment = tx.manager.create(Payment, {
        cart_id: input.cart_id,
        order_id: null,
        provider_id: input.provider_id,
        amount: input.amount,
        currency_code: input.currency_code,
        amount_refunded: 0,
        data: input.data,
        captured_at: null,
        canceled_at: null,
        idempotency_key: null,
        metadata: null,
      });
      await tx.manager.insert(Payment, payment as never);
      return payment;
    }, tx);
  }

  /**
   * Tells the provider an authorization will not be used (a completion that
   * failed, timed out or crashed; it may never have been made). Never throws;
   * no transaction may be open.
   */
  async voidAuthorization(payment: PaymentToVoid): Promise<void> {
    try {
      const provider = this.cradle.paymentProviderService.retrieve(payment.provider_id);
      await this.bounded(payment.provider_id, "void", provider.cancelPayment(payment));
    } catch {
      /* best effort (logged by bounded): the database never kept the payment */
    }
  }

  /** A provider call bounded by `payments.timeout`: a throw or a timeout is a 503 with the provider named, the cause logged. */
  private async bounded<T>(providerId: string, action: string, call: Promise<T>): Promise<T> {
    const { timeout } = this.cradle.config.payments;
    try {
      return await withTimeout(call, timeout, () => new UnavailableError(`Payment provider ${providerId} did not answer within ${timeout} ms`, "payment_provider_timeout"));
    } catch (err) {
      this.cradle.logger.warn({ err, provider: providerId, action }, `payment provider ${providerId} failed to ${action}`);
      if (err instanceof KioskError) throw err;
      throw new UnavailableError(`Payment provider ${providerId} failed; try again`, "payment_provider_unavailable");
    }
  }

  attachToOrder(paymentId: string, orderId: string, parent?: TransactionContext): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await tx.manager.update(Payment, { id: paymentId }, { order_id: orderId, updated_at: new Date() });
    }, parent);
  }

  listForOrder(orderId: string, parent?: TransactionContext): Promise<Payment[]> {
    return this.unitOfWork.run((tx) => tx.manager.find(Payment, { where: { order_id: orderId }, order: { created_at: "ASC" } }), parent);
  }

  /** Captures every authorized, uncaptured, uncanceled payment of an order; returns how many were captured. */
  captureForOrder(orderId: string, parent?: TransactionContext): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      const payments = await this.listForOrder(orderId, tx);
      let captured = 0;
      for (const payment of payments) {
        if (payment.captured_at || payment.canceled_at) continue;
        const data = await this.cradle.paymentProviderService.retrieve(payment.provider_id).capturePayment(payment);
        await tx.manager.update(Payment, { id: payment.id }, { captured_at: new Date(), data: (data ?? payment.data) as never, updated_at: new Date() });
        captured++;
      }
      return captured;
    }, parent);
  }

  /** Cancels every payment of an order that is not canceled yet. */
  cancelForOrder(orderId: string, parent?: TransactionContext): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      for (const payment of await this.listForOrder(orderId, tx)) {
        if (payment.canceled_at) continue;
        const data = await this.cradle.paymentProviderService.retrieve(payment.provider_id).cancelPayment(payment);
        await tx.manager.update(Payment, { id: payment.id }, { canceled_at: new Date(), data: (data ?? payment.data) as never, updated_at: new Date() });
      }
    }, parent);
  }

  /**
   * Refunds an amount of an order's captured payments (oldest first). More than
   * was captured and not yet refunded is a 400 `refund_exceeds_captured`; the
   * CHECK on `amount_refunded` is the last guard.
   */
  refundForOrder(
    orderId: string,
    input: { amount: number; reason: RefundReason; note?: string | null; metadata?: Record<string, unknown> | null },
    parent?: TransactionContext,
  ): Promise<Refund> {
    return this.unitOfWork.run(async (tx) => {
      const payments = (await this.listForOrder(orderId, tx)).filter((p) => p.captured_at && !p.canceled_at);
      const refundable = payments.reduce((sum, p) => sum + p.amount - p.amount_refunded, 0);
      if (input.amount > refundable) {
        throw new InvalidDataError(`Refund amount ${input.amount} exceeds the refundable amount ${refundable}`, {
          code: "refund_exceeds_captured",
          field: "amount",
        });
      }
      let left = input.amount;
      let first: Payment | undefined;
      for (const payment of payments) {
        const part = Math.min(left, payment.amount - payment.amount_refunded);
        if (part <= 0) continue;
        first ??= payment;
        const data = await this.cradle.paymentProviderService.retrieve(payment.provider_id).refundPayment(payment, part);
        const { affected } = await tx.manager
          .createQueryBuilder()
          .update(Payment)
          .set({ amount_refunded: () => "amount_refunded + :part", data: (data ?? payment.data) as never, updated_at: new Date() })
          .where("id = :id AND amount_refunded + :part <= amount", { id: payment.id, part })
          .execute();
        if (!affected) throw new InvalidDataError("The payment was refunded meanwhile; try again", { code: "refund_exceeds_captured", field: "amount" });
        left -= part;
        if (!left) break;
      }
      const refund = tx.manager.create(Refund, {
        order_id: orderId,
        payment_id: first?.id ?? null,
        amount: input.amount,
        reason: input.reason,
        note: input.note ?? null,
        metadata: input.metadata ?? null,
      });
      await tx.manager.insert(Refund, refund as never);
      return refund;
    }, parent);
  }

  listRefunds(orderId: string, parent?: TransactionContext): Promise<Refund[]> {
    return this.unitOfWork.run((tx) => tx.manager.find(Refund, { where: { order_id: orderId }, order: { created_at: "ASC" } }), parent);
  }
}
