import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { Discount } from "../models/discount";
import { DiscountRule } from "../models/discount-rule";
import { readConditionParts } from "./condition-reads";
import type { DiscountConditionView } from "./condition-view";

/** A discount's columns with its `rule` and the rule's `conditions` (null if the rule row is gone), as carts and orders show it. */
export type DiscountWithRule = Omit<Discount, "rule" | "discount_regions"> & {
  rule: (DiscountRule & { conditions: DiscountConditionView[] }) | null;
};

/**
 * Read part (see `JsonBatch`): adds to the caller's batch the discounts picked
 * by `discountIds` (a subquery over the caller's own join table, such as
 * `sql\`SELECT "discount_id" FROM "cart_discounts" WHERE "cart_id" = ${id}\``),
 * their rules and the rules' conditions (read only when there are any: see
 * `JsonBatch.whenAny`). The function returned gives them by
 * id, in the order the discounts were read, once the batch has run.
 */
export function readDiscountParts(batch: JsonBatch, discountIds: Sql): () => Map<string, DiscountWithRule> {
  return batch.whenAny(sql`SELECT 1 FROM "discount" d WHERE d."id" IN (${discountIds})`, () => addDiscountParts(batch, discountIds));
}

function addDiscountParts(batch: JsonBatch, discountIds: Sql): () => Map<string, DiscountWithRule> {
  const discounts = batch.rows<Discount>(Discount, sql`t."id" IN (${discountIds})`);
  const ruleIds = sql`SELECT d."rule_id" FROM "discount" d WHERE d."id" IN (${discountIds})`;
  const rules = batch.rows<DiscountRule>(DiscountRule, sql`t."id" IN (${ruleIds})`);
  const conditions = readConditionParts(batch, ruleIds);
  return () => {
    const conditionsOf = conditions();
    const ruleById = new Map(rules.rows.map((r) => [r.id, { ...r, conditions: conditionsOf.get(r.id) ?? [] }]));
    return new Map(discounts.rows.map((d) => [d.id, { ...d, rule: ruleById.get(d.rule_id) ?? null } as DiscountWithRule]));
  };
}
