import { ConflictError, containsPattern, NotFoundError, UnprocessableError, type KioskServices, type TransactionContext, type UnitOfWork } from "kiosk";
import { OrderEdit } from "../models/order-edit";
import { OrderEditItem } from "../models/order-edit-item";
import { assertActive, editStatus } from "../lib/edit-status";
import { addItem, copyOfLine, deleteChange, removeItem, updateItem } from "../lib/edit-items";
import { assertConfirmable, confirmEdit } from "../lib/confirm-edit";
import { loadEdit, loadEditRows, lockEdit } from "../lib/edit-rows";
import { orderEditView, type OrderEditView } from "../lib/order-edit-view";
import type { EditRows } from "../lib/order-edit-view";

/**
 * Order edits (Medusa v1): an admin proposes new lines for an order (copies of
 * its lines, changed, removed or added to), asks the customer, and the edit is
 * confirmed (by the admin, or completed by the customer), declined or
 * canceled. Confirming gives the order the lines and moves stock once
 * (`lib/confirm-edit.ts`). Every change locks the edit's row first.
 */
export default class OrderEditService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filter: { order_id?: string; q?: string }, page: { offset: number; limit: number }): Promise<[OrderEditView[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const qb = manager.createQueryBuilder(OrderEdit, "e");
      if (filter.order_id) qb.andWhere("e.order_id = :orderId", { orderId: filter.order_id });
      if (filter.q) qb.andWhere("LOWER(e.internal_note) LIKE :q ESCAPE '\\'", { q: containsPattern(filter.q.toLowerCase()) });
      const [edits, count] = await qb.orderBy("e.created_at", "DESC").addOrderBy("e.id", "DESC").skip(page.offset).take(page.limit).getManyAndCount();
      const rows = await loadEditRows(this.cradle, manager, edits);
      return [rows.map((r) => orderEditView(r, this.cradle.lineItemService)), count];
    });
  }

  /**
   * An edit as the API shows it. `viewer` is given for the store (the signed-in
   * customer's id, or null): the edit of a customer's order is shown only to
   * that customer, a 404 to everyone else, as the order itself is.
   */
  retrieve(id: string, viewer?: string | null): Promise<OrderEditView> {
    return this.unitOfWork.read(async (manager) => orderEditView(shownTo(await loadEdit(this.cradle, manager, id), viewer), this.cradle.lineItemService));
  }

  /**
   * Starts an edit of an open order (404 `order_not_found`, 422 `order_canceled`
   * / `order_archived`) with a copy of each of its lines; an order has one
   * active edit at most (409 `order_edit_active`).
   */
  create(input: { order_id: string; internal_note?: string | null }, createdBy: string): Promise<OrderEditView> {
    return this.unitOfWork.run(async (tx) => {
      await this.cradle.orderService.beginChange(input.order_id);
      const active = await tx.manager.findOneBy(OrderEdit, { active_order_id: input.order_id });
      if (active) throw new ConflictError(`Order ${input.order_id} already has an active edit, ${active.id}`, "order_edit_active");
      const edit = tx.manager.create(OrderEdit, { order_id: input.order_id, active_order_id: input.order_id, internal_note: input.internal_note ?? null, created_by: createdBy });
      await tx.manager.insert(OrderEdit, edit as never);
      const order = await this.cradle.orderService.retrieve(input.order_id);
      for (const line of order.items ?? []) await tx.manager.insert(OrderEditItem, copyOfLine(tx, edit.id, line) as never);
      tx.emit("order-edit.created", { id: edit.id, order_id: input.order_id });
      return this.retrieve(edit.id);
    });
  }

  /** Sets the internal note (any status, as in Medusa v1). */
  update(id: string, input: { internal_note?: string | null }): Promise<OrderEditView> {
    return this.edit(id, {}, async (tx, rows) => {
      if (input.internal_note !== undefined) await tx.manager.update(OrderEdit, { id }, { internal_note: input.internal_note });
      tx.emit("order-edit.updated", { id, order_id: rows.edit.order_id });
    });
  }

  /** Deletes an edit that was never requested (422 `order_edit_not_deletable` otherwise). */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const edit = await lockEdit(tx, id);
      if (editStatus(edit) !== "created") throw new UnprocessableError(`Cannot delete order edit ${id}: it is ${editStatus(edit)}`, "order_edit_not_deletable");
      await tx.manager.delete(OrderEdit, { id });
    });
  }

  addItem(id: string, input: { variant_id: string; quantity: number; metadata?: Record<string, unknown> | null }): Promise<OrderEditView> {
    return this.edit(id, { action: "add an item" }, (tx, rows) => addItem(this.cradle, tx, rows, input));
  }

  updateItem(id: string, itemId: string, quantity: number): Promise<OrderEditView> {
    return this.edit(id, { action: "change an item" }, (tx, rows) => updateItem(tx, rows, itemId, quantity));
  }

  removeItem(id: string, itemId: string): Promise<OrderEditView> {
    return this.edit(id, { action: "remove an item" }, (tx, rows) => removeItem(tx, rows, itemId));
  }

  deleteChange(id: string, changeId: string): Promise<OrderEditView> {
    return this.edit(id, { action: "undo a change" }, (tx, rows) => deleteChange(tx, rows, changeId));
  }

  /**
   * Asks the customer to accept the edit; a positive difference gets a payment
   * collection for it. An edit without changes is a 422 `order_edit_no_changes`;
   * a requested one is answered as it is.
   */
  request(id: string, by: string): Promise<OrderEditView> {
    return this.edit(id, { action: "request confirmation" }, async (tx, rows) => {
      if (!rows.changes.length) throw new UnprocessableError(`Order edit ${id} has no changes to request`, "order_edit_no_changes");
      if (rows.edit.requested_at) return;
      const due = orderEditView(rows, this.cradle.lineItemService).difference_due;
      let payment_collection_id = rows.edit.payment_collection_id;
      if (due > 0 && !payment_collection_id) {
        const { order } = rows;
        payment_collection_id = (
          await this.cradle.paymentCollectionService.createForEdit({ edit_id: id, amount: due, region_id: order.region_id, currency_code: order.currency_code, created_by: by })
        ).id;
      }
      await tx.manager.update(OrderEdit, { id }, { requested_at: new Date(), requested_by: by, payment_collection_id });
      tx.emit("order-edit.requested", { id, order_id: rows.edit.order_id });
    });
  }

  /** Cancels an edit (a canceled one is answered as it is; a confirmed or declined one is a 422 `order_edit_not_cancelable`). */
  cancel(id: string, by: string): Promise<OrderEditView> {
    return this.edit(id, {}, async (tx, rows) => {
      const status = editStatus(rows.edit);
      if (status === "canceled") return;
      if (status !== "created" && status !== "requested") throw new UnprocessableError(`Cannot cancel order edit ${id}: it is ${status}`, "order_edit_not_cancelable");
      await tx.manager.update(OrderEdit, { id }, { canceled_at: new Date(), canceled_by: by, active_order_id: null });
      if (rows.edit.payment_collection_id) await this.cradle.paymentCollectionService.cancelUnpaid(rows.edit.payment_collection_id);
      tx.emit("order-edit.canceled", { id, order_id: rows.edit.order_id });
    });
  }

  /** The customer declines a requested edit (a declined one is answered as it is; otherwise 422 `order_edit_not_requested`). */
  decline(id: string, input: { declined_reason?: string | null }, by: string | null): Promise<OrderEditView> {
    return this.edit(id, { viewer: by }, async (tx, rows) => {
      const status = editStatus(rows.edit);
      if (status === "declined") return;
      if (status !== "requested") throw new UnprocessableError(`Cannot decline order edit ${id}: it is ${status}`, "order_edit_not_requested");
      await tx.manager.update(OrderEdit, { id }, { declined_at: new Date(), declined_by: by, declined_reason: input.declined_reason ?? null, active_order_id: null });
      if (rows.edit.payment_collection_id) await this.cradle.paymentCollectionService.cancelUnpaid(rows.edit.payment_collection_id);
      tx.emit("order-edit.declined", { id, order_id: rows.edit.order_id });
    });
  }

  /**
   * Confirms an edit: the admin's confirmation (created or requested), or the
   * store's completion (`requested` only, and not while the customer owes more
   * than its payment collection authorized: 422 `order_edit_payment_required`).
   * The collection's payments become the order's. A second confirmation is a
   * 422 `order_edit_confirmed`.
   */
  confirm(id: string, by: string | null, options: { fromStore: boolean }): Promise<OrderEditView> {
    return this.edit(id, options.fromStore ? { viewer: by } : {}, async (tx, rows) => {
      assertConfirmable(rows.edit, options.fromStore);
      await this.cradle.orderService.beginChange(rows.edit.order_id);
      const collectionId = rows.edit.payment_collection_id;
      const paid = collectionId ? await this.cradle.paymentCollectionService.handOver(collectionId, rows.edit.order_id) : 0;
      if (options.fromStore && orderEditView(rows, this.cradle.lineItemService).difference_due > paid) {
        throw new UnprocessableError(`Order edit ${id} leaves an amount to pay: its payment collection must be authorized first`, "order_edit_payment_required");
      }
      await confirmEdit(this.cradle, tx, rows, by);
    });
  }

  /**
   * One change of an edit, in one transaction: the edit locked, refused when
   * it is no longer active (`action` given: see `assertActive`), its rows
   * read (and shown only to the order's customer when `viewer` is given),
   * `change` applied; answers the edit as it now is (computing its totals, so
   * a change that would pass the largest amount is refused too).
   */
  private edit(
    id: string,
    options: { action?: string; viewer?: string | null },
    change: (tx: TransactionContext, rows: EditRows) => Promise<void>,
  ): Promise<OrderEditView> {
    return this.unitOfWork.run(async (tx) => {
      const edit = await lockEdit(tx, id);
      const rows = shownTo(await loadEdit(this.cradle, tx.manager, id), options.viewer);
      if (options.action) assertActive(edit, options.action);
      await change(tx, rows);
      return this.retrieve(id);
    });
  }
}

/** The rows, unless `viewer` is given (the store) and the order is another customer's: then a 404. */
function shownTo(rows: EditRows, viewer: string | null | undefined): EditRows {
  if (viewer !== undefined && rows.order.customer_id && rows.order.customer_id !== viewer) {
    throw new NotFoundError(`Order edit with id ${rows.edit.id} was not found`, "order_edit_not_found");
  }
  return rows;
}
