import type { DiscountConditionOperator, DiscountConditionType } from "../models/discount-condition";

/** A condition as the cart's check reads it: its type, operator and the ids it names. */
export interface ConditionFacts {
  type: DiscountConditionType;
  operator: DiscountConditionOperator;
  resource_ids: string[];
}

/** What a condition is checked against: a line's product and the cart's customer. */
export interface LineFacts {
  product_id: string | null;
  type_id: string | null;
  collection_id: string | null;
  tag_ids: string[];
  customer_group_ids: string[];
}

function valuesOf(type: DiscountConditionType, line: LineFacts): string[] {
  switch (type) {
    case "products":
      return line.product_id ? [line.product_id] : [];
    case "product_types":
      return line.type_id ? [line.type_id] : [];
    case "product_collections":
      return line.collection_id ? [line.collection_id] : [];
    case "product_tags":
      return line.tag_ids;
    case "customer_groups":
      return line.customer_group_ids;
  }
}

/**
 * Whether every condition holds for a line, as Medusa v1 decides it: `in`
 * holds when one of the line's values is named, `not_in` when none is (a
 * product with no type, collection or tags is `not_in` any list of them).
 */
export function conditionsHold(conditions: ConditionFacts[], line: LineFacts): boolean {
  return conditions.every((c) => {
    const named = new Set(c.resource_ids);
    const hit = valuesOf(c.type, line).some((v) => named.has(v));
    return c.operator === "in" ? hit : !hit;
  });
}
