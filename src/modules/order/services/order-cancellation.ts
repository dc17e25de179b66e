import { IsNull, UnprocessableError, type KioskServices, type Payment, type TransactionContext } from "kiosk";
import { Fulfillment } from "../models/fulfillment";
import type { Order } from "../models/order";
import { FULFILLMENT_STATUS } from "../lib/fulfillment-status";
import { moveOrder } from "../lib/move-order";
import { ORDER_STATUS, assertOpen } from "../lib/order-status";
import type { OrderView } from "../lib/order-view";
import { PAYMENT_STATUS } from "../lib/payment-status";
import { runProviderAction } from "../lib/provider-action";

/**
 * Cancels an order, as Medusa v1 does: only a pending one (422
 * `order_not_cancelable` once completed), with no refund (422
 * `order_has_refunds`) and no fulfillment that is not canceled (422
 * `order_has_fulfillments`, shipped ones included). Every payment not canceled
 * yet is canceled with its provider (captured ones too: the provider voids or
 * gives back the money), the stock the order took is given back, and all
 * three statuses become `canceled`.
 */
export default class OrderCancellationService {
  constructor(private readonly cradle: KioskServices) {}

  cancel(id: string): Promise<OrderView> {
    const payments = this.cradle.paymentService;
    return runProviderAction(this.cradle.unitOfWork, id, {
      kind: "cancel",
      provider: "payment",
      plan: async (tx, order) => {
        await this.assertCancelable(tx, order);
        const calls = await payments.listCancelable(id);
        return { calls, data: { payment_ids: calls.map((p) => p.id) } };
      },
      call: (payment: Payment) => payments.providerCancel(payment),
      record: async (tx, order, done, complete) => {
        for (const { item, result } of done) await payments.recordCancel(item.id, result);
        // A provider refused one of several payments: the order stays open and runProviderAction answers the error.
        if (!complete) return null;
        await this.cradle.lineItemService.releaseStock(id);
        const change = { status: "canceled", payment_status: "canceled", fulfillment_status: "canceled", canceled_at: new Date() } as const;
        await moveOrder(tx.manager, order, change, "order_not_cancelable");
        tx.emit("order.canceled", { id });
        return this.cradle.orderService.retrieve(id);
      },
    }) as Promise<OrderView>;
  }

  private async assertCancelable(tx: TransactionContext, order: Order): Promise<void> {
    assertOpen(order);
    ORDER_STATUS.assert(order.status, "canceled", "order_not_cancelable");
    if ((await this.cradle.paymentService.listRefunds(order.id)).length) {
      throw new UnprocessableError("An order with refunds cannot be canceled", "order_has_refunds");
    }
    if (await tx.manager.existsBy(Fulfillment, { order_id: order.id, canceled_at: IsNull() })) {
      throw new UnprocessableError("All fulfillments must be canceled before the order can be canceled", "order_has_fulfillments");
    }
    PAYMENT_STATUS.assert(order.payment_status, "canceled", "order_not_cancelable");
    FULFILLMENT_STATUS.assert(order.fulfillment_status, "canceled", "order_not_cancelable");
  }
}
