import { UnprocessableError, type KioskServices, type TransactionContext } from "kiosk";
import { OrderEdit } from "../models/order-edit";
import { editStatus } from "./edit-status";
import type { EditRows } from "./order-edit-view";

/**
 * Refuses to confirm an edit that is not `created` or `requested` (422
 * `order_edit_confirmed` a second time, `order_edit_not_active` once declined
 * or canceled); `requested` says the edit must have been requested (the
 * store's completion).
 */
export function assertConfirmable(edit: OrderEdit, requested: boolean): void {
  const status = editStatus(edit);
  if (status === "confirmed") throw new UnprocessableError(`Order edit ${edit.id} is already confirmed`, "order_edit_confirmed");
  if (status === "declined" || status === "canceled") throw new UnprocessableError(`Cannot confirm order edit ${edit.id}: it is ${status}`, "order_edit_not_active");
  if (requested && status !== "requested") throw new UnprocessableError(`Order edit ${edit.id} is ${status}, not requested`, "order_edit_not_requested");
}

/**
 * Gives the order the edit's lines, inside the caller's transaction (the edit
 * locked, then the order through `orderService.beginChange`): each copied line's
 * quantity, the lines of its `item_remove` changes removed, the added lines
 * added (keeping their ids), stock moved once by `lineItemService.applyOrderEdit`;
 * then the edit is confirmed and stops being the order's active edit.
 */
export async function confirmEdit(cradle: KioskServices, tx: TransactionContext, rows: EditRows, by: string | null): Promise<void> {
  const { edit, items, changes } = rows;
  await cradle.lineItemService.applyOrderEdit(edit.order_id, {
    quantities: new Map(items.filter((i) => i.original_item_id).map((i) => [i.original_item_id!, i.quantity])),
    removed: changes.filter((c) => c.type === "item_remove" && c.original_line_item_id).map((c) => c.original_line_item_id!),
    added: items
      .filter((i) => !i.original_item_id)
      .map((i) => ({
        id: i.id,
        variant_id: i.variant_id!,
        product_id: i.product_id!,
        title: i.title,
        description: i.description,
        thumbnail: i.thumbnail,
        is_giftcard: i.is_giftcard,
        allow_discounts: i.allow_discounts,
        unit_price: i.unit_price,
        quantity: i.quantity,
        metadata: i.metadata,
      })),
  });
  await tx.manager.update(OrderEdit, { id: edit.id }, { confirmed_at: new Date(), confirmed_by: by, active_order_id: null, updated_at: new Date() });
  tx.emit("order-edit.confirmed", { id: edit.id, order_id: edit.order_id });
}
