import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { DiscountRule } from "./discount-rule";

export const DISCOUNT_CONDITION_TYPES = ["products", "product_types", "product_collections", "product_tags", "customer_groups"] as const;
export type DiscountConditionType = (typeof DISCOUNT_CONDITION_TYPES)[number];
export const DISCOUNT_CONDITION_OPERATORS = ["in", "not_in"] as const;
export type DiscountConditionOperator = (typeof DISCOUNT_CONDITION_OPERATORS)[number];

/**
 * A condition of a discount rule, as Medusa v1's `discount_condition`: the
 * line's product (or its type, collection, tags) or the cart's customer's
 * groups must be `in` (or `not_in`) the condition's resources, kept in the
 * join table of its type.
 */
@Entity("discount_condition")
export class DiscountCondition extends KioskEntity {
  static idPrefix = "discon";

  @Column({ type: "varchar" })
  type: DiscountConditionType;

  @Column({ type: "varchar" })
  operator: DiscountConditionOperator;

  @Index()
  @Column({ type: "varchar" })
  discount_rule_id: string;

  @ManyToOne("DiscountRule", { onDelete: "CASCADE" })
  @JoinColumn({ name: "discount_rule_id" })
  discount_rule?: DiscountRule;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
