import { NotFoundError, UnprocessableError, InvalidDataError, type KioskServices, type Payment, type RefundReason } from "kiosk";
import { moveOrder } from "../lib/move-order";
import { assertOpen } from "../lib/order-status";
import type { OrderView } from "../lib/order-view";
import { PAYMENT_STATUS, paymentStatusAfterRefund } from "../lib/payment-status";
import { runProviderAction } from "../lib/provider-action";
import { lockOrder } from "../lib/order-claim";

export interface RefundInput {
  amount: number;
  reason: RefundReason;
  note?: string | null;
  metadata?: Record<string, unknown> | null;
}

/**
 * The admin's payment actions on an order, capture and refund: each claims the
 * order, calls the payment providers with no transaction open, then records
 * what they did (`lib/provider-action.ts`).
 */
export default class OrderPaymentService {
  constructor(private readonly cradle: KioskServices) {}

  /**
   * Captures the order's uncaptured payments: `payment_status` becomes
   * `captured` (`requires_action` if a provider refused one of several).
   * 422 `nothing_to_capture` when there is nothing to capture.
   */
  capture(id: string): Promise<OrderView> {
    const payments = this.cradle.paymentService;
    return runProviderAction(this.cradle.unitOfWork, id, {
      kind: "capture",
      provider: "payment",
      plan: async (tx, order) => {
        assertOpen(order);
        PAYMENT_STATUS.assert(order.payment_status, "captured", "nothing_to_capture");
        const calls = await payments.listCapturable(id);
        if (!calls.length) throw new UnprocessableError(`Order ${id} has no payment left to capture`, "nothing_to_capture");
        return { calls, data: { payment_ids: calls.map((p) => p.id) } };
      },
      call: (payment: Payment) => payments.providerCapture(payment),
      record: async (tx, order, done, complete) => {
        for (const { item, result } of done) await payments.recordCapture(item.id, result);
        await moveOrder(tx.manager, order, { payment_status: complete ? "captured" : "requires_action" }, "nothing_to_capture");
        tx.emit("order.payment_captured", { id });
        return this.cradle.orderService.retrieve(id);
      },
    });
  }

  /**
   * Records a capture the provider made on its own (its webhook says so),
   * without calling it: the order's uncaptured payments are captured and
   * `payment_status` becomes `captured`. False, changing nothing, when the
   * order has nothing waiting to be captured (already captured, refunded or
   * canceled), so a repeated webhook does nothing.
   */
  recordProviderCapture(id: string): Promise<boolean> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const order = await lockOrder(tx, id);
      if (!PAYMENT_STATUS.can(order.payment_status, "captured")) return false;
      const payments = await this.cradle.paymentService.listCapturable(id);
      if (!payments.length) return false;
      for (const payment of payments) await this.cradle.paymentService.recordCapture(payment.id, payment.data);
      await moveOrder(tx.manager, order, { payment_status: "captured" }, "nothing_to_capture");
      tx.emit("order.payment_captured", { id });
      return true;
    });
  }

  /**
   * Refunds part of what was captured: `payment_status` becomes
   * `partially_refunded`, or `refunded` once nothing is left. 422
   * `order_not_refundable` unless the order's payment is captured, 400
   * `refund_exceeds_captured` beyond what is left.
   */
  refund(id: string, input: RefundInput): Promise<OrderView> {
    const payments = this.cradle.paymentService;
    return runProviderAction(this.cradle.unitOfWork, id, {
      kind: "refund",
      provider: "payment",
      plan: async (tx, order) => {
        assertOpen(order);
        PAYMENT_STATUS.assertAny(order.payment_status, ["partially_refunded", "refunded"], "order_not_refundable");
        const calls = await payments.planRefund(id, input.amount);
        return { calls, data: { amount: input.amount, parts: calls.map((p) => ({ payment_id: p.payment.id, amount: p.amount })) } };
      },
      call: (part: { payment: Payment; amount: number }) => payments.providerRefund(part.payment, part.amount),
      record: async (tx, order, done) => {
        const refund = await payments.recordRefund(id, done.map(({ item, result }) => ({ ...item, data: result })), input);
        const status = paymentStatusAfterRefund(await payments.refundable(id));
        await moveOrder(tx.manager, order, { payment_status: status }, "order_not_refundable");
        tx.emit("order.refund_created", { id, refund_id: refund.id });
        return this.cradle.orderService.retrieve(id);
      },
    });
  }

  /**
   * Captures one payment of an order (`POST /admin/payments/:id/capture`), with
   * the order claimed as for `capture`: 422 `payment_not_capturable` when it is
   * captured or canceled, or belongs to no order yet. The order's
   * `payment_status` becomes `captured` once none of its payments waits.
   */
  async capturePayment(paymentId: string): Promise<Payment> {
    const payments = this.cradle.paymentService;
    const orderId = await this.orderOf(paymentId);
    await runProviderAction(this.cradle.unitOfWork, orderId, {
      kind: "capture",
      provider: "payment",
      plan: async (tx, order) => {
        assertOpen(order);
        const [payment] = await payments.listByIds([paymentId]);
        if (!payment || payment.captured_at || payment.canceled_at) {
          throw new UnprocessableError(`Payment ${paymentId} cannot be captured: it is ${payment?.captured_at ? "captured" : "canceled"}`, "payment_not_capturable");
        }
        return { calls: [payment], data: { payment_ids: [paymentId] } };
      },
      call: (payment: Payment) => payments.providerCapture(payment),
      record: async (tx, order, done) => {
        for (const { item, result } of done) await payments.recordCapture(item.id, result);
        const waiting = await payments.listCapturable(orderId);
        if (!waiting.length && order.payment_status !== "captured" && PAYMENT_STATUS.can(order.payment_status, "captured")) {
          await moveOrder(tx.manager, order, { payment_status: "captured" }, "nothing_to_capture");
        }
        tx.emit("order.payment_captured", { id: orderId });
      },
    });
    return (await payments.listByIds([paymentId]))[0]!;
  }

  /**
   * Refunds part of one payment (`POST /admin/payments/:id/refund`), with the
   * order claimed as for `refund`, so refunds of one order take turns and never
   * pass what was captured: 422 `order_not_refundable` unless the order's
   * payment is captured, 422 `payment_not_refundable` for a payment not
   * captured, 400 `refund_exceeds_captured` beyond what is left of it.
   */
  async refundPayment(paymentId: string, input: RefundInput) {
    const payments = this.cradle.paymentService;
    const orderId = await this.orderOf(paymentId);
    return runProviderAction(this.cradle.unitOfWork, orderId, {
      kind: "refund",
      provider: "payment",
      plan: async (tx, order) => {
        assertOpen(order);
        PAYMENT_STATUS.assertAny(order.payment_status, ["partially_refunded", "refunded"], "order_not_refundable");
        const [payment] = await payments.listByIds([paymentId]);
        if (!payment?.captured_at || payment.canceled_at) throw new UnprocessableError(`Payment ${paymentId} is not captured`, "payment_not_refundable");
        const left = payment.amount - payment.amount_refunded;
        if (input.amount > left) {
          throw new InvalidDataError(`Refund amount ${input.amount} exceeds the refundable amount ${left}`, { code: "refund_exceeds_captured", field: "amount" });
        }
        return { calls: [{ payment, amount: input.amount }], data: { amount: input.amount, parts: [{ payment_id: paymentId, amount: input.amount }] } };
      },
      call: (part: { payment: Payment; amount: number }) => payments.providerRefund(part.payment, part.amount),
      record: async (tx, order, done) => {
        const refund = await payments.recordRefund(orderId, done.map(({ item, result }) => ({ ...item, data: result })), input);
        const status = paymentStatusAfterRefund(await payments.refundable(orderId));
        await moveOrder(tx.manager, order, { payment_status: status }, "order_not_refundable");
        tx.emit("order.refund_created", { id: orderId, refund_id: refund.id });
        return refund;
      },
    });
  }

  /** The order a payment belongs to: 404 `payment_not_found`, 422 `payment_not_attached` before it has one. */
  private async orderOf(paymentId: string): Promise<string> {
    const [payment] = await this.cradle.paymentService.listByIds([paymentId]);
    if (!payment) throw new NotFoundError(`Payment with id ${paymentId} was not found`, "payment_not_found");
    if (!payment.order_id) throw new UnprocessableError(`Payment ${paymentId} belongs to no order yet`, "payment_not_attached");
    return payment.order_id;
  }
}
