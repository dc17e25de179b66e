import { UnprocessableError, type KioskServices, type Payment, type TransactionContext } from "kiosk";
import { Swap } from "../models/swap";
import { lockSwap } from "./swap-rows";

/**
 * Cancels a swap, in the caller's transaction, on the order begun (locked, no
 * action in progress) and the swap locked: refused with a 422 once canceled
 * (`swap_canceled`), fulfilled or shipped (`swap_fulfilled`), its payment
 * processed (`swap_payment_processed`) or its return received
 * (`swap_return_received`). Its open return is canceled, the stock its cart
 * took given back (once: the lock and `stock_taken` cleared in the same
 * write), and its payment, if any, recorded canceled. Answers that payment,
 * whose authorization the caller voids once the transaction is committed.
 */
export async function cancelSwap(cradle: KioskServices, tx: TransactionContext, orderId: string, id: string): Promise<Payment | null> {
  await cradle.orderReturnService.begin(orderId);
  const swap = await lockSwap(tx, orderId, id);
  if (swap.canceled_at) throw new UnprocessableError(`Swap ${id} is already canceled`, "swap_canceled");
  if (swap.fulfillment_status === "fulfilled" || swap.fulfillment_status === "shipped") {
    throw new UnprocessableError(`Swap ${id} has been fulfilled; it cannot be canceled`, "swap_fulfilled");
  }
  if (swap.payment_status === "captured" || swap.payment_status === "difference_refunded") {
    throw new UnprocessableError(`The payment of swap ${id} has been processed; it cannot be canceled`, "swap_payment_processed");
  }
  const ret = swap.return_id ? await cradle.returnService.retrieve(swap.return_id) : null;
  if (ret?.status === "received") throw new UnprocessableError(`The return of swap ${id} has been received; it cannot be canceled`, "swap_return_received");
  if (ret && (ret.status === "requested" || ret.status === "requires_action")) await cradle.returnService.cancel(ret.id);
  if (swap.stock_taken?.length) await cradle.productVariantService.returnStock(new Map(swap.stock_taken));
  let payment: Payment | null = null;
  if (swap.payment_id) {
    payment = (await cradle.paymentService.listForOrder(orderId)).find((p) => p.id === swap.payment_id && !p.captured_at && !p.canceled_at) ?? null;
    if (payment) await cradle.paymentService.recordCancel(payment.id, payment.data);
  }
  const now = new Date();
  await tx.manager.update(Swap, { id }, { canceled_at: now, fulfillment_status: "canceled", payment_status: "canceled", stock_taken: null, updated_at: now });
  tx.emit("swap.canceled", { id, order_id: orderId });
  return payment;
}
