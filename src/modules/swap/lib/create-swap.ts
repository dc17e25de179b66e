import { UnprocessableError, type KioskServices, type TransactionContext } from "kiosk";
import { Swap } from "../models/swap";

export interface CreateSwapInput {
  order_id: string;
  return_items: { item_id: string; quantity: number; reason_id?: string | null; note?: string | null }[];
  /** A return shipping option of the order's region; the admin may set its price. */
  return_shipping?: { option_id: string; price?: number };
  additional_items: { variant_id: string; quantity: number }[];
  no_notification?: boolean;
  allow_backorder?: boolean;
  /** A second request with the same key for the same order answers the swap the first made. */
  idempotency_key?: string | null;
}

/**
 * Writes a swap in the caller's transaction, on the order begun
 * (`orderReturnService.begin`: locked, no other action, open): the order must
 * be captured and fulfilled; the return of `return_items` is requested
 * through `returnService` (its rules: shipped units, live reasons, a return
 * option), and a cart of type `swap` holding `additional_items` is made
 * through `cartService` (the variants' rules: sold, priced in the region),
 * shipped to the order's address. Answers the swap's id.
 */
export async function createSwap(cradle: KioskServices, tx: TransactionContext, input: CreateSwapInput): Promise<string> {
  const order = await cradle.orderReturnService.begin(input.order_id);
  if (input.idempotency_key) {
    const done = await tx.manager.findOneBy(Swap, { order_id: order.id, idempotency_key: input.idempotency_key });
    if (done) return done.id;
  }
  if (!["captured", "partially_refunded"].includes(order.payment_status)) {
    throw new UnprocessableError(`Order ${order.id} must be captured before a swap`, "order_not_captured");
  }
  if (order.fulfillment_status === "not_fulfilled" || order.fulfillment_status === "canceled") {
    throw new UnprocessableError(`Order ${order.id} must be fulfilled before a swap`, "order_not_fulfilled");
  }
  const swap = tx.manager.create(Swap, {
    fulfillment_status: "not_fulfilled",
    payment_status: "not_paid",
    order_id: order.id,
    return_id: null,
    cart_id: null,
    payment_id: null,
    difference_due: null,
    return_total: null,
    stock_taken: null,
    shipping_address: order.shipping_address as Record<string, unknown> | null,
    confirmed_at: null,
    canceled_at: null,
    allow_backorder: input.allow_backorder ?? false,
    no_notification: input.no_notification ?? null,
    idempotency_key: input.idempotency_key ?? null,
    metadata: null,
  });
  await tx.manager.insert(Swap, swap as never);
  const ret = await cradle.returnService.request({
    order_id: order.id,
    items: input.return_items,
    return_shipping: input.return_shipping,
    no_notification: input.no_notification,
    swap_id: swap.id,
  });
  const { id: _addressId, ...address } = order.shipping_address ?? ({} as Record<string, unknown>);
  const cart = await cradle.cartService.create(
    {
      region_id: order.region_id,
      email: order.email,
      items: input.additional_items,
      type: "swap",
      shipping_address: order.shipping_address ? address : undefined,
      metadata: { swap_id: swap.id },
    },
    { customerId: order.customer_id ?? undefined },
  );
  await tx.manager.update(Swap, { id: swap.id }, { return_id: ret.id, cart_id: cart.id });
  tx.emit("swap.created", { id: swap.id, no_notification: input.no_notification ?? order.no_notification ?? false });
  return swap.id;
}
