import { NotFoundError, type EntityManager, type KioskServices, type TransactionContext } from "kiosk";
import { lockRow } from "kiosk/sql";
import { OrderEdit } from "../models/order-edit";
import { OrderEditItem } from "../models/order-edit-item";
import { OrderItemChange } from "../models/order-item-change";
import type { EditRows } from "./order-edit-view";
import { collectionView } from "./collection-rows";

const notFound = (id: string) => new NotFoundError(`Order edit with id ${id} was not found`, "order_edit_not_found");

/** Locks an edit's row for the rest of the transaction (so its changes and confirmations take turns); unknown is a 404. */
export async function lockEdit(tx: TransactionContext, id: string): Promise<OrderEdit> {
  const edit = await lockRow(tx.manager, OrderEdit, id);
  if (!edit) throw notFound(id);
  return edit;
}

/** The rows of edits' views: each edit with its lines, changes, order (read through `orderService`) and payment collection. */
export async function loadEditRows(cradle: KioskServices, manager: EntityManager, edits: OrderEdit[]): Promise<EditRows[]> {
  const ids = edits.map((e) => e.id);
  if (!ids.length) return [];
  const items = await manager.createQueryBuilder(OrderEditItem, "i").where("i.order_edit_id IN (:...ids)", { ids }).getMany();
  const changes = await manager.createQueryBuilder(OrderItemChange, "c").where("c.order_edit_id IN (:...ids)", { ids }).getMany();
  const orders = new Map<string, Awaited<ReturnType<KioskServices["orderService"]["retrieve"]>>>();
  for (const orderId of new Set(edits.map((e) => e.order_id))) orders.set(orderId, await cradle.orderService.retrieve(orderId));
  const collections = new Map<string, unknown>();
  for (const edit of edits) {
    if (edit.payment_collection_id) collections.set(edit.payment_collection_id, await collectionView(cradle, manager, edit.payment_collection_id));
  }
  return edits.map((edit) => ({
    edit,
    items: items.filter((i) => i.order_edit_id === edit.id),
    changes: changes.filter((c) => c.order_edit_id === edit.id),
    order: orders.get(edit.order_id)!,
    paymentCollection: (edit.payment_collection_id && collections.get(edit.payment_collection_id)) || null,
  }));
}

/** One edit's rows; unknown is a 404. */
export async function loadEdit(cradle: KioskServices, manager: EntityManager, id: string): Promise<EditRows> {
  const edit = await manager.findOneBy(OrderEdit, { id });
  if (!edit) throw notFound(id);
  return (await loadEditRows(cradle, manager, [edit]))[0]!;
}
