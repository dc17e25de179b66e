import type { DiscountCondition } from "../models/discount-condition";
import type { ConditionFacts } from "./condition-match";

/**
 * A condition as the API shows it, Medusa v1's shape: its columns and the
 * resources it names under its type (`products: [{ id }]`, `product_tags: [{ id }]`, …).
 */
export type DiscountConditionView = DiscountCondition & Partial<Record<DiscountCondition["type"], { id: string }[]>>;

/** A condition's view from its row and the ids in its join table. */
export function conditionView(row: DiscountCondition, resourceIds: string[]): DiscountConditionView {
  return { ...row, [row.type]: [...resourceIds].sort().map((id) => ({ id })) } as DiscountConditionView;
}

/** What the matching reads of a condition's view. */
export function conditionFacts(view: DiscountConditionView): ConditionFacts {
  return { type: view.type, operator: view.operator, resource_ids: (view[view.type] ?? []).map((r) => r.id) };
}
