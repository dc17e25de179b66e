import { ConflictError, UnprocessableError, type KioskServices } from "kiosk";
import { Swap } from "../models/swap";

/**
 * Settles a confirmed swap's payment as one order action
 * (`orderSwapService.settle`): the swap cart's payment (the new items, paid
 * in full at completion) is captured and what the returned items are worth
 * (`return_total`) is refunded from the order's captured payments, capped by
 * what is refundable; so the customer pays `difference_due` in all (or gets
 * it back when negative). Refused with a 422 before the cart is completed
 * (`swap_not_confirmed`), once canceled (`swap_canceled`) or processed
 * (`swap_payment_processed`). `payment_status` becomes `captured` (a
 * positive difference) or `difference_refunded`, `requires_action` when a
 * provider refused part of it (it is not processed again: what is left is the
 * admin's to settle by hand, as in Medusa v1); raises `swap.payment_captured` or
 * `swap.refund_processed`.
 */
export function processSwapPayment(cradle: KioskServices, orderId: string, id: string): Promise<void> {
  const { unitOfWork } = cradle;
  return cradle.orderSwapService.settle(orderId, {
    plan: async () => {
      const swap = await unitOfWork.run((tx) => tx.manager.findOneBy(Swap, { id, order_id: orderId }));
      if (!swap) throw new UnprocessableError(`Swap ${id} is not a swap of order ${orderId}`, "swap_not_found");
      if (swap.canceled_at) throw new UnprocessableError(`Swap ${id} is canceled`, "swap_canceled");
      if (!swap.confirmed_at) throw new UnprocessableError(`The cart of swap ${id} has not been completed`, "swap_not_confirmed");
      if (swap.payment_status !== "awaiting" && swap.payment_status !== "confirmed") {
        throw new UnprocessableError(`The payment of swap ${id} has already been processed`, "swap_payment_processed");
      }
      return { capture: swap.payment_id, refund: swap.return_total ?? 0, data: { swap_id: id } };
    },
    record: (_order, done) =>
      unitOfWork.run(async (tx) => {
        const swap = await tx.manager.findOneByOrFail(Swap, { id });
        const status = !done.complete ? "requires_action" : (swap.difference_due ?? 0) > 0 ? "captured" : "difference_refunded";
        const { affected } = await tx.manager
          .createQueryBuilder()
          .update(Swap)
          .set({ payment_status: status, updated_at: new Date() })
          .where("id = :id AND canceled_at IS NULL AND payment_status IN ('awaiting', 'confirmed')", { id })
          .execute();
        if (!affected) throw new ConflictError(`Swap ${id} was changed meanwhile`, "swap_changed");
        const silent = swap.no_notification ?? false;
        if (done.captured) tx.emit("swap.payment_captured", { id, no_notification: silent });
        if (done.refunded > 0) tx.emit("swap.refund_processed", { id, no_notification: silent });
      }),
  });
}
