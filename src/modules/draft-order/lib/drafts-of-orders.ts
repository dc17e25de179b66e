import type { JsonBatch, Sql } from "kiosk/sql";
import { sql } from "kiosk/sql";
import { DraftOrder } from "../models/draft-order";

/**
 * Read part (see `JsonBatch`): the drafts the orders `orderIds` picks were paid
 * from, as a map of order id to draft id (the order view's `draft_order_id`).
 */
export function readDraftsOfOrders(batch: JsonBatch, orderIds: Sql): () => Map<string, string> {
  const drafts = batch.rows<DraftOrder>(DraftOrder, sql`t."order_id" IN (${orderIds})`);
  return () => new Map(drafts.rows.filter((d) => d.order_id).map((d) => [d.order_id as string, d.id]));
}
