import { NotFoundError, UnprocessableError, type TransactionContext } from "kiosk";
import { lockRow } from "kiosk/sql";
import { DraftOrder } from "../models/draft-order";

/**
 * Locks a draft order for the rest of the transaction (its row is updated, so
 * on PostgreSQL a concurrent change or payment of the same draft waits for
 * this one to commit). Unknown is a 404.
 */
export async function lockDraft(tx: TransactionContext, id: string): Promise<DraftOrder> {
  const draft = await lockRow(tx.manager, DraftOrder, id);
  if (!draft) throw new NotFoundError(`Draft order with id ${id} was not found`, "draft_order_not_found");
  return draft;
}

/** A completed draft order no longer changes: a 422 `draft_order_completed`. */
export function assertOpen(draft: DraftOrder): void {
  if (draft.status !== "open") {
    throw new UnprocessableError(`Draft order ${draft.id} is completed: only open draft orders can change`, "draft_order_completed");
  }
}

/** Locks an open draft order (404 unknown, 422 completed). */
export async function lockOpenDraft(tx: TransactionContext, id: string): Promise<DraftOrder> {
  const draft = await lockDraft(tx, id);
  assertOpen(draft);
  return draft;
}
