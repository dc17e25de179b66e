import { ConflictError, NotFoundError, UnprocessableError, type CartView, type KioskServices, type TransactionContext } from "kiosk";
import { Swap } from "../models/swap";

/** What a completed swap cart hands its swap: the cart as completed, its payment and the stock taken. */
export interface SwapCartCompletion {
  cart: CartView;
  /** None when gift cards paid the cart in full. */
  payment_id: string | null;
  reserved: [string, number][];
}

/** A swap's cart may be completed while the swap is not canceled (422 `swap_canceled`); 404 for a cart of no swap. */
export async function swapOfCart(tx: TransactionContext, cartId: string): Promise<Swap> {
  const swap = await tx.manager.findOneBy(Swap, { cart_id: cartId });
  if (!swap) throw new NotFoundError(`No swap has cart ${cartId}`, "swap_not_found");
  if (swap.canceled_at) throw new UnprocessableError(`The swap of cart ${cartId} is canceled`, "swap_canceled");
  return swap;
}

/**
 * Confirms the swap of a completed cart, in the completion's transaction:
 * the new items' total (the cart's) less what the returned items are worth
 * (the return's refund estimate) is `difference_due`; the cart's payment is
 * given to the order (as Medusa v1 does), and the stock it took is kept on
 * the swap for a cancellation. A swap canceled meanwhile makes the completion
 * fail (and be undone): the conditional UPDATE finds nothing.
 */
export async function confirmSwap(cradle: KioskServices, tx: TransactionContext, input: SwapCartCompletion): Promise<string> {
  const swap = await swapOfCart(tx, input.cart.id);
  const ret = swap.return_id ? await cradle.returnService.retrieve(swap.return_id) : null;
  const returnTotal = ret?.refund_amount ?? 0;
  const now = new Date();
  const { affected } = await tx.manager
    .createQueryBuilder()
    .update(Swap)
    .set({
      confirmed_at: now,
      difference_due: input.cart.total - returnTotal,
      return_total: returnTotal,
      payment_id: input.payment_id,
      payment_status: input.cart.total > 0 || returnTotal > 0 ? "awaiting" : "confirmed",
      stock_taken: input.reserved as never,
      shipping_address: input.cart.shipping_address as never,
      updated_at: now,
    })
    .where("id = :id AND canceled_at IS NULL AND confirmed_at IS NULL", { id: swap.id })
    .execute();
  if (!affected) throw new ConflictError(`Swap ${swap.id} was changed while its cart was completed`, "swap_changed");
  if (input.payment_id) await cradle.paymentService.attachToOrder(input.payment_id, swap.order_id);
  tx.emit("swap.payment_completed", { id: swap.id, no_notification: swap.no_notification ?? false });
  return swap.id;
}
