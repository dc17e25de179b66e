import { generateId, InvalidDataError, NotFoundError, UnprocessableError, type KioskServices, type TransactionContext } from "kiosk";
import { OrderEditItem } from "../models/order-edit-item";
import { OrderItemChange, type OrderItemChangeType } from "../models/order-item-change";
import type { EditRows } from "./order-edit-view";

/** The most lines an edit may leave an order with, as a cart holds at most. */
export const MAX_EDIT_LINES = 100;

type OrderLine = Record<string, any>;

const originalOf = (rows: EditRows, id: string | null): OrderLine | undefined =>
  id ? (rows.order.items ?? []).find((i: OrderLine) => i.id === id) : undefined;

function itemOf(rows: EditRows, itemId: string): OrderEditItem {
  const item = rows.items.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError(`Line item ${itemId} is not part of order edit ${rows.edit.id}`, "order_edit_item_not_found");
  return item;
}

async function addChange(tx: TransactionContext, editId: string, type: OrderItemChangeType, original: string | null, line: string | null) {
  const change = tx.manager.create(OrderItemChange, { type, order_edit_id: editId, original_line_item_id: original, line_item_id: line });
  await tx.manager.insert(OrderItemChange, change as never);
}

/** A copy of an order line, as the edit's line (made when the edit is created, or when a removal is undone). */
export function copyOfLine(tx: TransactionContext, editId: string, line: OrderLine): OrderEditItem {
  return tx.manager.create(OrderEditItem, {
    order_edit_id: editId,
    original_item_id: line.id,
    variant_id: line.variant_id,
    product_id: line.product_id,
    title: line.title,
    description: line.description,
    thumbnail: line.thumbnail,
    is_giftcard: line.is_giftcard,
    allow_discounts: line.allow_discounts,
    unit_price: line.unit_price,
    quantity: line.quantity,
    metadata: line.metadata ?? null,
  });
}

/** Adds a line of a variant, priced for the order's region as a cart line is, and an `item_add` change. */
export async function addItem(
  cradle: KioskServices,
  tx: TransactionContext,
  rows: EditRows,
  input: { variant_id: string; quantity: number; metadata?: Record<string, unknown> | null },
): Promise<void> {
  if (rows.items.length >= MAX_EDIT_LINES) throw new UnprocessableError(`An order holds at most ${MAX_EDIT_LINES} lines`, "too_many_items", "items");
  const { order } = rows;
  const region = await cradle.regionService.retrieve(order.region_id);
  const line = await cradle.lineItemService.describeForOrder(input.variant_id, input.quantity, {
    region,
    cart_id: order.cart_id,
    customer_id: order.customer_id,
    email: order.email,
  });
  const item = tx.manager.create(OrderEditItem, { ...line, id: generateId(OrderEditItem.idPrefix), order_edit_id: rows.edit.id, original_item_id: null, quantity: input.quantity, metadata: input.metadata ?? null });
  await tx.manager.insert(OrderEditItem, item as never);
  await addChange(tx, rows.edit.id, "item_add", null, item.id);
}

/** Sets an edit line's quantity (never below the units already fulfilled), recording an `item_update` for a copied line. */
export async function updateItem(tx: TransactionContext, rows: EditRows, itemId: string, quantity: number): Promise<void> {
  const item = itemOf(rows, itemId);
  const original = originalOf(rows, item.original_item_id);
  if (original && quantity < original.fulfilled_quantity) {
    throw new UnprocessableError(`Line item ${original.id} has ${original.fulfilled_quantity} fulfilled units`, "quantity_below_fulfilled", "quantity");
  }
  await tx.manager.update(OrderEditItem, { id: item.id }, { quantity, updated_at: new Date() });
  if (!rows.changes.some((c) => c.line_item_id === item.id)) await addChange(tx, rows.edit.id, "item_update", item.original_item_id, item.id);
}

/**
 * Removes an edit line: a copied line becomes an `item_remove` change (refused
 * once any unit of it was fulfilled: 422 `item_fulfilled`); an added line is
 * dropped with its `item_add` change.
 */
export async function removeItem(tx: TransactionContext, rows: EditRows, itemId: string): Promise<void> {
  const item = itemOf(rows, itemId);
  const original = originalOf(rows, item.original_item_id);
  if (original && original.fulfilled_quantity > 0) {
    throw new UnprocessableError(`Line item ${original.id} has fulfilled units and cannot be removed`, "item_fulfilled", "item_id");
  }
  await tx.manager.delete(OrderItemChange, { order_edit_id: rows.edit.id, line_item_id: item.id });
  await tx.manager.delete(OrderEditItem, { id: item.id });
  if (item.original_item_id) await addChange(tx, rows.edit.id, "item_remove", item.original_item_id, null);
}

/**
 * Undoes one change: an added line is dropped, an updated line gets the
 * order line's quantity back, a removed line comes back as a copy.
 */
export async function deleteChange(tx: TransactionContext, rows: EditRows, changeId: string): Promise<void> {
  const change = rows.changes.find((c) => c.id === changeId);
  if (!change) throw new NotFoundError(`Change ${changeId} is not part of order edit ${rows.edit.id}`, "order_item_change_not_found");
  const original = originalOf(rows, change.original_line_item_id);
  if (change.type === "item_add" && change.line_item_id) await tx.manager.delete(OrderEditItem, { id: change.line_item_id, order_edit_id: rows.edit.id });
  if (change.type === "item_update" && change.line_item_id && original) {
    await tx.manager.update(OrderEditItem, { id: change.line_item_id, order_edit_id: rows.edit.id }, { quantity: original.quantity, updated_at: new Date() });
  }
  if (change.type === "item_remove") {
    if (!original) throw new InvalidDataError(`Line item ${change.original_line_item_id} is no longer part of the order`, { code: "invalid_item" });
    await tx.manager.insert(OrderEditItem, copyOfLine(tx, rows.edit.id, original) as never);
  }
  await tx.manager.delete(OrderItemChange, { id: change.id });
}
