import {
  ConflictError,
  In,
  InvalidDataError,
  KioskError,
  UnavailableError,
  type KioskServices,
  type UnitOfWork,
} from "kiosk";
import { withTimeout } from "kiosk/internal";
import type { JsonBatch, Sql } from "kiosk/sql";
import { Payment } from "../models/payment";
import { PaymentSession } from "../models/payment-session";
import { Refund, type RefundReason } from "../models/refund";
import type { PaymentAuthorization, PaymentContext, PaymentProvider, ProviderPayment } from "../lib/payment-provider";
import { refundableAmount, spreadRefund, type RefundPart } from "../lib/refund-parts";
import { readOrderPaymentParts } from "../lib/payment-reads";

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
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /**
   * Read part (see `JsonBatch`): adds to the caller's batch the payments and
   * refunds of the orders `orderIds` picks (a subquery or `sql.list(ids)`).
   * Call `batch.run()`, then the function returned for both (group them by `order_id`).
   */
  readForOrders(batch: JsonBatch, orderIds: Sql): () => { payments: Payment[]; refunds: Refund[] } {
    return readOrderPaymentParts(batch, orderIds);
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

  /**
   * Records an authorized payment for the cart (one per cart) and marks its
   * session authorized, in the caller's transaction. A draft order's payment has no session (`session_id: null`).
   */
  recordAuthorized(
    input: { session_id: string | null; cart_id: string | null; provider_id: string; amount: number; currency_code: string; data: Record<string, unknown> },
  ): Promise<Payment> {
    return this.unitOfWork.run(async (tx) => {
      const now = new Date();
      if (input.session_id) await tx.manager.update(
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
    });
  }

  /**
   * Records a payment authorized outside a cart (an order edit's payment
   * collection), in the caller's transaction: no cart, no order until
   * `attachToOrder`.
   */
  recordAuthorizedPayment(input: { provider_id: string; amount: number; currency_code: string; data: Record<string, unknown> }): Promise<Payment> {
    return this.recordAuthorized({ ...input, session_id: null, cart_id: null });
  }

  /** Payments by id (unknown ids are left out), oldest first. */
  listByIds(ids: string[]): Promise<Payment[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.unitOfWork.read((manager) => manager.find(Payment, { where: { id: In(ids) }, order: { created_at: "ASC", id: "ASC" } }));
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

  attachToOrder(paymentId: string, orderId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await tx.manager.update(Payment, { id: paymentId }, { order_id: orderId, updated_at: new Date() });
    });
  }

  listForOrder(orderId: string): Promise<Payment[]> {
    return this.unitOfWork.run((tx) => tx.manager.find(Payment, { where: { order_id: orderId }, order: { created_at: "ASC" } }));
  }

  /** The order's payments a capture takes: not captured, not canceled. */
  listCapturable(orderId: string): Promise<Payment[]> {
    return this.unitOfWork.run(async () => (await this.listForOrder(orderId)).filter((p) => !p.captured_at && !p.canceled_at));
  }

  /** The order's payments an order cancellation cancels: those not canceled yet. */
  listCancelable(orderId: string): Promise<Payment[]> {
    return this.unitOfWork.run(async () => (await this.listForOrder(orderId)).filter((p) => !p.canceled_at));
  }

  /** What is captured and not refunded yet, over the order's payments that are not canceled. */
  async refundable(orderId: string): Promise<number> {
    return refundableAmount(await this.listForOrder(orderId));
  }

  /**
   * How a refund of `amount` is taken from the order's captured payments,
   * oldest first. More than was captured and not yet refunded is a 400
   * `refund_exceeds_captured`.
   */
  planRefund(orderId: string, amount: number): Promise<RefundPart<Payment>[]> {
    return this.unitOfWork.run(async (tx) => {
      const payments = await this.listForOrder(orderId);
      const refundable = refundableAmount(payments);
      if (amount > refundable) {
        throw new InvalidDataError(`Refund amount ${amount} exceeds the refundable amount ${refundable}`, {
          code: "refund_exceeds_captured",
          field: "amount",
        });
      }
      return spreadRefund(payments, amount);
    });
  }

  /**
   * Asks the payment's provider to capture it. Like the refund and cancel
   * below: never inside a transaction (the order module claims the order
   * instead), bounded by `payments.timeout` like every payment provider call.
   */
  providerCapture(payment: Payment): Promise<Record<string, unknown>> {
    return this.callOutside(payment, "capture", (provider) => provider.capturePayment(payment));
  }

  /** Asks the payment's provider to refund part of it. */
  providerRefund(payment: Payment, amount: number): Promise<Record<string, unknown>> {
    return this.callOutside(payment, "refund", (provider) => provider.refundPayment(payment, amount));
  }

  /** Asks the payment's provider to cancel it (void it, or give back what was captured). */
  providerCancel(payment: Payment): Promise<Record<string, unknown>> {
    return this.callOutside(payment, "cancel", (provider) => provider.cancelPayment(payment));
  }

  /** Records a capture the provider accepted; a payment captured or canceled meanwhile is a 409 `payment_changed`. */
  recordCapture(paymentId: string, data: Record<string, unknown> | undefined): Promise<void> {
    return this.recordOnce(paymentId, "captured_at", data);
  }

  /** Records a cancellation the provider accepted; a payment canceled meanwhile is a 409 `payment_changed`. */
  recordCancel(paymentId: string, data: Record<string, unknown> | undefined): Promise<void> {
    return this.recordOnce(paymentId, "canceled_at", data);
  }

  /**
   * Records a refund the providers made (`parts`, each with what its provider
   * answered): each payment's `amount_refunded` grows by one conditional UPDATE
   * that never passes its amount (the CHECK is the last guard), and one refund
   * row holds the total.
   */
  recordRefund(
    orderId: string,
    parts: (RefundPart<Payment> & { data?: Record<string, unknown> })[],
    input: { reason: RefundReason; note?: string | null; metadata?: Record<string, unknown> | null },
  ): Promise<Refund> {
    return this.unitOfWork.run(async (tx) => {
      for (const part of parts) {
        const { affected } = await tx.manager
          .createQueryBuilder()
          .update(Payment)
          .set({ amount_refunded: () => "amount_refunded + :part", data: (part.data ?? part.payment.data) as never, updated_at: new Date() })
          .where("id = :id AND amount_refunded + :part <= amount", { id: part.payment.id, part: part.amount })
          .execute();
        if (!affected) throw new ConflictError(`Payment ${part.payment.id} was refunded meanwhile`, "payment_changed");
      }
      const refund = tx.manager.create(Refund, {
        order_id: orderId,
        payment_id: parts[0]?.payment.id ?? null,
        amount: parts.reduce((sum, p) => sum + p.amount, 0),
        reason: input.reason,
        note: input.note ?? null,
        metadata: input.metadata ?? null,
      });
      await tx.manager.insert(Refund, refund as never);
      return refund;
    });
  }

  private async recordOnce(
    paymentId: string,
    column: "captured_at" | "canceled_at",
    data: Record<string, unknown> | undefined
  ): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const now = new Date();
      const { affected } = await tx.manager
        .createQueryBuilder()
        .update(Payment)
        .set({ [column]: now, ...(data ? { data: data as never } : {}), updated_at: now })
        .where(column === "captured_at" ? "id = :id AND captured_at IS NULL AND canceled_at IS NULL" : "id = :id AND canceled_at IS NULL", {
          id: paymentId,
        })
        .execute();
      if (!affected) throw new ConflictError(`Payment ${paymentId} was changed meanwhile`, "payment_changed");
    });
  }

  private async callOutside<T>(payment: Payment, action: string, call: (provider: PaymentProvider) => Promise<T>): Promise<T> {
    if (this.unitOfWork.active) throw new Error(`Payment provider ${payment.provider_id} asked to ${action} inside a transaction`);
    const provider = this.cradle.paymentProviderService.retrieve(payment.provider_id);
    return this.bounded(payment.provider_id, action, call(provider));
  }

  listRefunds(orderId: string): Promise<Refund[]> {
    return this.unitOfWork.run((tx) => tx.manager.find(Refund, { where: { order_id: orderId }, order: { created_at: "ASC" } }));
  }
}
