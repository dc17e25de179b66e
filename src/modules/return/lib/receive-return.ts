import { ConflictError, InvalidDataError, NotFoundError, UnprocessableError, type KioskServices, type TransactionContext } from "kiosk";
import { Return } from "../models/return";
import { ReturnItem } from "../models/return-item";
import { refundFor } from "./refund-amount";

export interface ReceiveReturnInput {
  items: { item_id: string; quantity: number }[];
  /** The admin's refund, instead of the computed one (still capped by what is refundable). */
  refund?: number;
}

/**
 * A return that may be received: requested (or needing action), not received
 * (422 `return_received`) nor canceled (422 `return_canceled`); 404
 * `return_not_found` for another order's or an unknown one.
 */
export async function receivableReturn(tx: TransactionContext, id: string, orderId?: string): Promise<Return> {
  const ret = await tx.manager.findOne(Return, { where: { id }, relations: { items: true } });
  if (!ret || (orderId && ret.order_id !== orderId)) throw new NotFoundError(`Return with id ${id} was not found`, "return_not_found");
  if (ret.status === "received") throw new UnprocessableError(`Return ${id} has already been received`, "return_received");
  if (ret.status === "canceled") throw new UnprocessableError(`Return ${id} is canceled`, "return_canceled");
  return ret;
}

/**
 * Checks what arrived against what was asked back: each item a line of the
 * return, listed once (400 `invalid_item`), no more units than were requested
 * (422 `quantity_exceeds_requested`). Fewer is allowed: the rest never came.
 */
export function assertReceivable(ret: Return, items: { item_id: string; quantity: number }[]): void {
  const ids = items.map((i) => i.item_id);
  if (new Set(ids).size !== ids.length) throw new InvalidDataError("items: a line item is listed twice", { field: "items" });
  for (const { item_id, quantity } of items) {
    const requested = (ret.items ?? []).find((i) => i.item_id === item_id);
    if (!requested) throw new InvalidDataError(`Line item ${item_id} is not part of return ${ret.id}`, { code: "invalid_item", field: "items" });
    if (quantity > requested.quantity) {
      throw new UnprocessableError(`Return ${ret.id} asked for ${requested.quantity} units of ${item_id}, fewer than ${quantity}`, "quantity_exceeds_requested", "items");
    }
  }
}

/**
 * The refund a receipt asks for: nothing for a swap's return (the swap settles
 * it); the admin's; nothing for a claim's return (the claim settles the money:
 * a refund claim refunded when it was created); or the received units' share
 * of the order's totals less the return shipping.
 */
export async function plannedRefund(cradle: KioskServices, ret: Return, input: ReceiveReturnInput): Promise<number> {
  if (ret.swap_id) return 0;
  if (input.refund !== undefined) return input.refund;
  if (ret.claim_order_id) return 0;
  const order = await cradle.orderService.retrieve(ret.order_id);
  return refundFor(order.items, input.items, ret.shipping_price ?? 0);
}

/**
 * Writes a receipt, in the order's record transaction: the return becomes
 * `received` exactly once (a conditional UPDATE from its open status; 409
 * `return_changed` if it moved meanwhile), the received units are counted on
 * the return's items and on the order's lines (`returned_quantity`), and their
 * stock is given back.
 */
export async function recordReceipt(
  cradle: KioskServices,
  tx: TransactionContext,
  ret: Return,
  items: { item_id: string; quantity: number }[],
  refunded: number,
): Promise<void> {
  const { affected } = await tx.manager
    .createQueryBuilder()
    .update(Return)
    .set({ status: "received", received_at: new Date(), refund_amount: refunded, updated_at: new Date() })
    .where(`id = :id AND status IN ('requested', 'requires_action')`, { id: ret.id })
    .execute();
  if (!affected) throw new ConflictError(`Return ${ret.id} was changed meanwhile`, "return_changed");
  for (const item of ret.items ?? []) {
    const received = items.find((i) => i.item_id === item.item_id)?.quantity ?? 0;
    await tx.manager.update(ReturnItem, { id: item.id }, { received_quantity: received, updated_at: new Date() });
  }
  const lines = await cradle.lineItemService.markReturned(ret.order_id, items);
  await cradle.productVariantService.returnStock(lines);
  tx.emit("order.items_returned", { id: ret.order_id, return_id: ret.id, no_notification: ret.no_notification ?? false });
  if (ret.swap_id) tx.emit("swap.received", { id: ret.swap_id, order_id: ret.order_id, return_id: ret.id, no_notification: ret.no_notification ?? false });
}
