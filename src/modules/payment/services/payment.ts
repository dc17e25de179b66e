import {
  ConflictError,
  InvalidDataError,
  UnprocessableError,
  type TransactionContext,
  type UnitOfWork,
} from "kiosk";
import { Payment } from "../models/payment";
import { PaymentSession } from "../models/payment-session";
import { Refund, type RefundReason } from "../models/refund";
import type { PaymentContext } from "../lib/payment-provider";
import { refundableAmount, spreadRefund, type RefundPart } from "../lib/refund-parts";
import type PaymentProviderService from "./payment-provider";

export interface AuthorizationResult {
  status: "authorized" | "requires_more" | "error";
  data: Record<string, unknown>;
  payment?: Payment;
}

/** Payments: authorized from a cart's selected session, then captured, refunded or canceled for the order. */
export default class PaymentService {
  private readonly cradle: { unitOfWork: UnitOfWork; paymentProviderService: PaymentProviderService };

  constructor(cradle: PaymentService["cradle"]) {
    this.cradle = cradle;
  }

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /**
   * Authorizes the cart's selected session with its provider for the cart's
   * total and, when authorized, records the payment (one per cart). Runs in the
   * caller's completion transaction.
   */
  authorizeForCart(context: PaymentContext, parent?: TransactionContext): Promise<AuthorizationResult> {
    return this.unitOfWork.run(async (tx) => {
      const session = await tx.manager.findOneBy(PaymentSession, { cart_id: context.cart_id, is_selected: true });
      if (!session) {
        throw new UnprocessableError("The cart has no selected payment session", "payment_session_required", "payment_session");
      }
      const provider = this.cradle.paymentProviderService.retrieve(session.provider_id);
      const result = await provider.authorizePayment(session.data, context);
      const now = new Date();
      await tx.manager.update(
        PaymentSession,
        { id: session.id },
        {
          status: result.status,
          data: (result.data ?? session.data) as never,
          amount: context.amount,
          payment_authorized_at: result.status === "authorized" ? now : null,
          updated_at: now,
        },
      );
      if (result.status !== "authorized") return { status: result.status, data: result.data ?? {} };
      const payment = tx.manager.create(Payment, {
        cart_id: context.cart_id,
        order_id: null,
        provider_id: session.provider_id,
        amount: context.amount,
        currency_code: context.currency_code,
        amount_refunded: 0,
        data: result.data ?? {},
        captured_at: null,
        canceled_at: null,
        idempotency_key: null,
        metadata: null,
      });
      await tx.manager.insert(Payment, payment as never);
      return { status: "authorized", data: payment.data, payment };
    }, parent);
  }

  /** Tells the provider an authorization will not be used (the completion rolled back). Never throws. */
  async voidAuthorization(payment: Payment): Promise<void> {
    try {
      await this.cradle.paymentProviderService.retrieve(payment.provider_id).cancelPayment(payment);
    } catch {
      /* best effort: the database never kept the payment */
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

  /** The order's payments a capture takes: not captured, not canceled. */
  listCapturable(orderId: string, parent?: TransactionContext): Promise<Payment[]> {
    return this.unitOfWork.run(async (tx) => (await this.listForOrder(orderId, tx)).filter((p) => !p.captured_at && !p.canceled_at), parent);
  }

  /** The order's payments an order cancellation cancels: those not canceled yet. */
  listCancelable(orderId: string, parent?: TransactionContext): Promise<Payment[]> {
    return this.unitOfWork.run(async (tx) => (await this.listForOrder(orderId, tx)).filter((p) => !p.canceled_at), parent);
  }

  /** What is captured and not refunded yet, over the order's payments that are not canceled. */
  async refundable(orderId: string, parent?: TransactionContext): Promise<number> {
    return refundableAmount(await this.listForOrder(orderId, parent));
  }

  /**
   * How a refund of `amount` is taken from the order's captured payments,
   * oldest first. More than was captured and not yet refunded is a 400
   * `refund_exceeds_captured`.
   */
  planRefund(orderId: string, amount: number, parent?: TransactionContext): Promise<RefundPart<Payment>[]> {
    return this.unitOfWork.run(async (tx) => {
      const payments = await this.listForOrder(orderId, tx);
      const refundable = refundableAmount(payments);
      if (amount > refundable) {
        throw new InvalidDataError(`Refund amount ${amount} exceeds the refundable amount ${refundable}`, {
          code: "refund_exceeds_captured",
          field: "amount",
        });
      }
      return spreadRefund(payments, amount);
    }, parent);
  }

  /** Asks the payment's provider to capture it. Never inside a transaction: the order is claimed instead. */
  providerCapture(payment: Payment): Promise<Record<string, unknown>> {
    return this.provider(payment).capturePayment(payment);
  }

  /** Asks the payment's provider to refund part of it. Never inside a transaction. */
  providerRefund(payment: Payment, amount: number): Promise<Record<string, unknown>> {
    return this.provider(payment).refundPayment(payment, amount);
  }

  /** Asks the payment's provider to cancel it (void, or give back what was captured). Never inside a transaction. */
  providerCancel(payment: Payment): Promise<Record<string, unknown>> {
    return this.provider(payment).cancelPayment(payment);
  }

  /** Records a capture the provider accepted; a payment captured or canceled meanwhile is a 409 `payment_changed`. */
  recordCapture(paymentId: string, data: Record<string, unknown> | undefined, parent?: TransactionContext): Promise<void> {
    return this.recordOnce(paymentId, "captured_at", data, parent);
  }

  /** Records a cancellation the provider accepted; a payment canceled meanwhile is a 409 `payment_changed`. */
  recordCancel(paymentId: string, data: Record<string, unknown> | undefined, parent?: TransactionContext): Promise<void> {
    return this.recordOnce(paymentId, "canceled_at", data, parent);
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
    parent?: TransactionContext,
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
    }, parent);
  }

  private async recordOnce(
    paymentId: string,
    column: "captured_at" | "canceled_at",
    data: Record<string, unknown> | undefined,
    parent?: TransactionContext,
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
    }, parent);
  }

  private provider(payment: Payment) {
    if (this.unitOfWork.inTransaction) throw new Error(`Payment provider ${payment.provider_id} called inside a transaction`);
    return this.cradle.paymentProviderService.retrieve(payment.provider_id);
  }

  listRefunds(orderId: string, parent?: TransactionContext): Promise<Refund[]> {
    return this.unitOfWork.run((tx) => tx.manager.find(Refund, { where: { order_id: orderId }, order: { created_at: "ASC" } }), parent);
  }
}
