import {
  InvalidDataError,
  UnprocessableError,
  type TransactionContext,
  type UnitOfWork,
} from "kiosk";
import { Payment } from "../models/payment";
import { PaymentSession } from "../models/payment-session";
import { Refund, type RefundReason } from "../models/refund";
import type { PaymentContext } from "../lib/payment-provider";
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
