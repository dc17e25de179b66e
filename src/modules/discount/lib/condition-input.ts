import { InvalidDataError } from "kiosk";
import { DISCOUNT_CONDITION_TYPES, type DiscountConditionOperator, type DiscountConditionType } from "../models/discount-condition";

/** A condition as the Admin API takes it: an operator and exactly one list of ids, named by its type. */
export type ConditionInput = { operator?: DiscountConditionOperator; metadata?: Record<string, unknown> | null } & Partial<
  Record<DiscountConditionType, string[]>
>;

/** The condition's type and ids; a body naming no list or more than one is a 400. */
export function conditionTarget(input: ConditionInput): { type: DiscountConditionType; ids: string[] } {
  const given = DISCOUNT_CONDITION_TYPES.filter((t) => input[t] !== undefined);
  if (given.length !== 1) {
    throw new InvalidDataError(`A condition names exactly one of ${DISCOUNT_CONDITION_TYPES.join(", ")}`, { code: "invalid_condition" });
  }
  return { type: given[0], ids: [...new Set(input[given[0]]!)] };
}
