import type { EntityManager } from "kiosk";
import { groupBy } from "kiosk/internal";
import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { Return } from "../models/return";
import { ReturnItem } from "../models/return-item";
import { ReturnReason } from "../models/return-reason";
import { returnView, type ReturnView } from "./return-view";

/**
 * Adds to `batch` the returns `returnIds` picks (an id subquery over the
 * `return` table or a list), their items and the reasons those name; after
 * `batch.run()` the function gives their views, oldest first.
 */
export function addReturnParts(batch: JsonBatch, returnIds: Sql): () => ReturnView[] {
  const returns = batch.rows<Return>(Return, sql`t."id" IN (${returnIds})`);
  const items = batch.rows<ReturnItem>(ReturnItem, sql`t."return_id" IN (${returnIds})`);
  const reasons = batch.rows<ReturnReason>(ReturnReason, sql`t."id" IN (SELECT "reason_id" FROM "return_item" WHERE "return_id" IN (${returnIds}))`);
  return () => {
    const itemsOf = groupBy(items.rows, (i) => i.return_id);
    const reasonById = new Map(reasons.rows.map((r) => [r.id, r]));
    return returns.rows
      .map((r) => returnView(r, itemsOf.get(r.id) ?? [], reasonById))
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
  };
}

/** The views of the returns `ids` (unknown ones left out), in the order of `ids`: one statement. */
export async function loadReturns(manager: EntityManager, ids: string[]): Promise<ReturnView[]> {
  if (!ids.length) return [];
  const batch = new JsonBatch(manager);
  const views = addReturnParts(batch, sql.list(ids));
  await batch.run();
  const byId = new Map(views().map((v) => [v.id, v]));
  return ids.map((id) => byId.get(id)).filter((v): v is ReturnView => !!v);
}
