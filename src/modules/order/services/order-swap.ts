import type { KioskServices, Payment, TransactionContext } from "kiosk";
import type { Order } from "../models/order";
import { moveOrder } from "../lib/move-order";
import { assertOpen } from "../lib/order-status";
import { PAYMENT_STATUS, paymentStatusAfterRefund } from "../lib/payment-status";
import { runProviderAction } from "../lib/provider-action";

/** What the swap module asks of a swap's payment processing; both steps run inside the order's claim. */
export interface SwapSettlement<T> {
  /**
   * In the claim transaction (the order locked, no other action in progress):
   * checks the swap may be processed (a 4xx otherwise; nothing is claimed) and
   * names the payment of the order to capture (the swap cart's, or null) and
   * the refund to pay from the order's captured payments, before the cap.
   */
  plan(order: Order): Promise<{ capture: string | null; refund: number; data: Record<string, unknown> }>;
  /** In the record transaction: what the providers did (all of it when `complete`). */
  record(order: Order, done: { captured: boolean; refunded: number; complete: boolean }): Promise<T>;
}

type Call = { kind: "capture"; payment: Payment } | { kind: "refund"; payment: Payment; amount: number };

/**
 * The order's side of a swap's payment: one order action (kind
 * `swap_payment`, claim → provider calls → record) that captures the swap
 * cart's payment and refunds what the returned items are worth, capped by what
 * is refundable, so a swap's refund and the order's other refunds take turns
 * and never pass what was paid.
 */
export default class OrderSwapService {
  constructor(private readonly cradle: KioskServices) {}

  settle<T>(orderId: string, settlement: SwapSettlement<T>): Promise<T> {
    const payments = this.cradle.paymentService;
    return runProviderAction(this.cradle.unitOfWork, orderId, {
      kind: "swap_payment",
      provider: "payment",
      plan: async (_tx, order) => {
        assertOpen(order);
        const { capture, refund, data } = await settlement.plan(order);
        const all = await payments.listForOrder(orderId);
        const toCapture = capture ? all.find((p) => p.id === capture && !p.captured_at && !p.canceled_at) : undefined;
        const refundable = PAYMENT_STATUS.can(order.payment_status, "partially_refunded") ? await payments.refundable(orderId) : 0;
        const amount = Math.max(0, Math.min(refund, refundable));
        const parts = amount > 0 ? await payments.planRefund(orderId, amount) : [];
        const calls: Call[] = [
          ...(toCapture ? [{ kind: "capture" as const, payment: toCapture }] : []),
          ...parts.map((p) => ({ kind: "refund" as const, payment: p.payment, amount: p.amount })),
        ];
        return { calls, data: { ...data, capture: toCapture?.id ?? null, refund: amount } };
      },
      call: (item: Call) => (item.kind === "capture" ? payments.providerCapture(item.payment) : payments.providerRefund(item.payment, item.amount)),
      record: async (tx, order, done, complete) => {
        let captured = false;
        for (const { item, result } of done) {
          if (item.kind !== "capture") continue;
          await payments.recordCapture(item.payment.id, result);
          captured = true;
        }
        const refunds = done.flatMap(({ item, result }) => (item.kind === "refund" ? [{ payment: item.payment, amount: item.amount, data: result }] : []));
        const refunded = refunds.length ? await this.recordRefund(tx, order, refunds) : 0;
        return settlement.record(order, { captured, refunded, complete });
      },
    });
  }

  private async recordRefund(tx: TransactionContext, order: Order, parts: { payment: Payment; amount: number; data: Record<string, unknown> }[]) {
    const payments = this.cradle.paymentService;
    const refund = await payments.recordRefund(order.id, parts, { reason: "swap" });
    await moveOrder(tx.manager, order, { payment_status: paymentStatusAfterRefund(await payments.refundable(order.id)) }, "order_not_refundable");
    tx.emit("order.refund_created", { id: order.id, refund_id: refund.id });
    return refund.amount;
  }
}
