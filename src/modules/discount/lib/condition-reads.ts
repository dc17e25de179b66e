import { groupBy } from "kiosk/internal";
import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { DiscountCondition } from "../models/discount-condition";
import { CONDITION_TABLES } from "./condition-tables";
import { conditionView, type DiscountConditionView } from "./condition-view";

/**
 * Adds to a batch the conditions of the rules picked by `ruleIds` (a
 * subquery) and the ids in their join tables, read only when there are any
 * (`JsonBatch.whenAny`); the function returned gives
 * each rule's conditions (views) by rule id once the batch has run.
 */
export function readConditionParts(batch: JsonBatch, ruleIds: Sql): () => Map<string, DiscountConditionView[]> {
  const conditionIds = sql`SELECT c."id" FROM "discount_condition" c WHERE c."discount_rule_id" IN (${ruleIds})`;
  return batch.whenAny(conditionIds, () => addConditionParts(batch, ruleIds, conditionIds));
}

function addConditionParts(batch: JsonBatch, ruleIds: Sql, conditionIds: Sql): () => Map<string, DiscountConditionView[]> {
  const conditions = batch.rows<DiscountCondition>(DiscountCondition, sql`t."discount_rule_id" IN (${ruleIds})`);
  const joins = Object.values(CONDITION_TABLES).map(({ entity, column }) => ({
    column,
    rows: batch.rows<Record<string, string>>(entity, sql`t."condition_id" IN (${conditionIds})`),
  }));
  return () => {
    const idsOf = new Map<string, string[]>();
    for (const { column, rows } of joins) {
      for (const row of rows.rows) idsOf.set(row.condition_id, [...(idsOf.get(row.condition_id) ?? []), row[column]]);
    }
    const views = conditions.rows
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1))
      .map((c) => conditionView(c, idsOf.get(c.id) ?? []));
    return groupBy(views, (c) => c.discount_rule_id);
  };
}
