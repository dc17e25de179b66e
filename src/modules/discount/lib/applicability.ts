import { InvalidDataError, UnprocessableError } from "kiosk";
import { conditionsHold, type LineFacts } from "./condition-match";
import { conditionFacts, type DiscountConditionView } from "./condition-view";
import type { DiscountView } from "./discount-view";

/** A cart's line as the conditions read it: its id and its product's facts (`LineFacts`). */
export type DiscountableLine = { id: string } & LineFacts;

/**
 * Throws the reason a code cannot be used on a cart in this region now (422
 * with a stable code), as Medusa v1 refuses it.
 */
export function assertApplicable(discount: DiscountView, regionId: string, now: Date): void {
  const { code } = discount;
  if (discount.is_disabled) throw new UnprocessableError(`The discount code ${code} is disabled`, "discount_disabled", "code");
  if (new Date(discount.starts_at) > now) {
    throw new UnprocessableError(`The discount code ${code} is not valid yet`, "discount_not_started", "code");
  }
  if (discount.ends_at && new Date(discount.ends_at) <= now) {
    throw new UnprocessableError(`The discount code ${code} has expired`, "discount_expired", "code");
  }
  if (discount.usage_limit !== null && discount.usage_count >= discount.usage_limit) {
    throw new UnprocessableError(`The discount code ${code} has been used the maximum allowed times`, "discount_used_up", "code");
  }
  if (!discount.regions.some((r) => r.id === regionId)) {
    throw new UnprocessableError(`The discount code ${code} is not available in the cart's region`, "discount_region_mismatch", "code");
  }
}

/** The ids of the lines every condition of the discount's rule holds for (all lines when it has none). */
export function discountableLines(discount: { rule: { conditions?: DiscountConditionView[] } | null }, lines: DiscountableLine[]): string[] {
  const conditions = (discount.rule?.conditions ?? []).map(conditionFacts);
  return lines.filter((l) => conditionsHold(conditions, l)).map((l) => l.id);
}

/** A code with conditions that hold for none of the lines: a 400 `discount_not_valid_for_items`. */
export function assertValidForLines(discount: DiscountView, lines: DiscountableLine[]): void {
  if (!discount.rule.conditions.length || discountableLines(discount, lines).length) return;
  throw new InvalidDataError("Discount is not valid for any item", { code: "discount_not_valid_for_items", field: "code" });
}
