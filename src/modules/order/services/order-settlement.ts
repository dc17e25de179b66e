import { UnprocessableError, type KioskServices, type Payment, type RefundReason } from "kiosk";
import type { Order } from "../models/order";
import type { OrderActionKind } from "../models/order-action";
import { moveOrder } from "../lib/move-order";
import { assertOpen } from "../lib/order-status";
import { PAYMENT_STATUS, paymentStatusAfterRefund } from "../lib/payment-status";
import { runProviderAction } from "../lib/provider-action";

/** What another module settles on an order with a refund; both steps run inside the order's claim. */
export interface Settlement<T> {
  /**
   * In the claim transaction (the order locked, no other action in progress):
   * checks what the module's rules allow (a 4xx otherwise; nothing is claimed)
   * and answers the refund it asks for.
   */
  plan(order: Order): Promise<{ refund: number; data: Record<string, unknown> }>;
  /** In the record transaction: writes the module's side, given what was refunded. */
  record(order: Order, refunded: { amount: number; refund_id: string | null }): Promise<T>;
}

/**
 * Refunds another module owes on an order (a claim's refund) as an order
 * action: claim → payment provider, with no transaction open → record
 * (`lib/provider-action.ts`), so such refunds, received returns and the
 * admin's manual refunds take turns and never refund more than was paid.
 */
export default class OrderSettlementService {
  constructor(private readonly cradle: KioskServices) {}

  /**
   * Pays `settlement`'s refund: more than is refundable (captured and not
   * refunded) is a 400 `refund_exceeds_captured`, and a refund on an order
   * whose payment is not captured a 422 `order_not_refundable`; 0 refunds
   * nothing and calls no provider. Then `settlement.record`, the refund
   * (`reason`) and the new `payment_status` are written in one transaction.
   */
  refund<T>(orderId: string, kind: Extract<OrderActionKind, "claim_refund">, reason: RefundReason, settlement: Settlement<T>): Promise<T> {
    const payments = this.cradle.paymentService;
    return runProviderAction(this.cradle.unitOfWork, orderId, {
      kind,
      provider: "payment",
      plan: async (_tx, order) => {
        assertOpen(order);
        const { refund, data } = await settlement.plan(order);
        if (refund > 0 && !PAYMENT_STATUS.can(order.payment_status, "partially_refunded")) {
          throw new UnprocessableError(`Order ${orderId} has no captured payment left to refund`, "order_not_refundable");
        }
        const calls = refund > 0 ? await payments.planRefund(orderId, refund) : [];
        return { calls, data: { ...data, amount: refund, parts: calls.map((p) => ({ payment_id: p.payment.id, amount: p.amount })) } };
      },
      call: (part: { payment: Payment; amount: number }) => payments.providerRefund(part.payment, part.amount),
      record: async (tx, order, done) => {
        let refunded: { amount: number; refund_id: string | null } = { amount: 0, refund_id: null };
        if (done.length) {
          const refund = await payments.recordRefund(orderId, done.map(({ item, result }) => ({ ...item, data: result })), { reason });
          await moveOrder(tx.manager, order, { payment_status: paymentStatusAfterRefund(await payments.refundable(orderId)) }, "order_not_refundable");
          tx.emit("order.refund_created", { id: orderId, refund_id: refund.id });
          refunded = { amount: refund.amount, refund_id: refund.id };
        }
        return settlement.record(order, refunded);
      },
    });
  }
}
