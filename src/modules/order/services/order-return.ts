import type { KioskServices, Payment, TransactionContext } from "kiosk";
import type { Order } from "../models/order";
import { moveOrder } from "../lib/move-order";
import { beginAction } from "../lib/order-claim";
import { assertOpen } from "../lib/order-status";
import { PAYMENT_STATUS, paymentStatusAfterRefund } from "../lib/payment-status";
import { runProviderAction } from "../lib/provider-action";

/** What the return module asks of a receipt; both steps run inside the order's claim. */
export interface ReturnReceipt<T> {
  /**
   * In the claim transaction (the order locked, no other action in progress):
   * checks the return may be received (a 4xx otherwise; nothing is claimed)
   * and answers the refund it asks for, before the cap.
   */
  plan(order: Order): Promise<{ refund: number; data: Record<string, unknown> }>;
  /** In the record transaction: writes the receipt, given what was refunded (0 when nothing was). */
  record(order: Order, refunded: { amount: number; refund_id: string | null }): Promise<T>;
}

/**
 * The order's side of returns: requesting and canceling one take the order's
 * turn like every admin action (`begin`), and receiving one is an order action
 * that calls the payment provider (`receive`), so its refund and the admin's
 * manual refunds take turns and never pass what was paid.
 */
export default class OrderReturnService {
  constructor(private readonly cradle: KioskServices) {}

  /**
   * Inside the caller's transaction: locks the order, waits for no other action
   * (409 `order_action_in_progress`), and refuses a canceled or archived one
   * (422). 404 `order_not_found` for an unknown id.
   */
  begin(orderId: string): Promise<Order> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const order = await beginAction(tx, orderId);
      assertOpen(order);
      return order;
    });
  }

  /**
   * Receives a return of the order under the order's claim: `receipt.plan`
   * checks it and names the refund, which is capped by what is refundable (0
   * unless the payment is captured); the payment provider refunds it with no
   * transaction open; then the refund, `receipt.record` and the new
   * `payment_status` and `fulfillment_status` are written in one transaction.
   */
  receive<T>(orderId: string, receipt: ReturnReceipt<T>): Promise<T> {
    const payments = this.cradle.paymentService;
    return runProviderAction(this.cradle.unitOfWork, orderId, {
      kind: "receive_return",
      provider: "payment",
      plan: async (_tx, order) => {
        assertOpen(order);
        const { refund, data } = await receipt.plan(order);
        const refundable = PAYMENT_STATUS.can(order.payment_status, "partially_refunded") ? await payments.refundable(orderId) : 0;
        const amount = Math.max(0, Math.min(refund, refundable));
        const calls = amount > 0 ? await payments.planRefund(orderId, amount) : [];
        return { calls, data: { ...data, amount, parts: calls.map((p) => ({ payment_id: p.payment.id, amount: p.amount })) } };
      },
      call: (part: { payment: Payment; amount: number }) => payments.providerRefund(part.payment, part.amount),
      record: async (tx, order, done) => {
        const refund = done.length ? await this.recordRefund(tx, order, done) : null;
        const result = await receipt.record(order, { amount: refund?.amount ?? 0, refund_id: refund?.id ?? null });
        await this.cradle.orderService.refreshFulfillmentStatus(order);
        return result;
      },
    });
  }

  private async recordRefund(tx: TransactionContext, order: Order, done: { item: { payment: Payment; amount: number }; result: Record<string, unknown> }[]) {
    const payments = this.cradle.paymentService;
    const refund = await payments.recordRefund(order.id, done.map(({ item, result }) => ({ ...item, data: result })), { reason: "return" });
    await moveOrder(tx.manager, order, { payment_status: paymentStatusAfterRefund(await payments.refundable(order.id)) }, "order_not_refundable");
    tx.emit("order.refund_created", { id: order.id, refund_id: refund.id });
    return refund;
  }
}
