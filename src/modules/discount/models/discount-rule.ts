import { Check, Column, Entity, KioskEntity, MoneyColumn } from "kiosk";

export const DISCOUNT_RULE_TYPES = ["percentage", "fixed", "free_shipping"] as const;
export type DiscountRuleType = (typeof DISCOUNT_RULE_TYPES)[number];
export const DISCOUNT_ALLOCATIONS = ["total", "item"] as const;
export type DiscountAllocation = (typeof DISCOUNT_ALLOCATIONS)[number];

/**
 * What a discount takes off, as Medusa v1's `discount_rule`: a percentage (1–100)
 * or a fixed amount in the region currency's minor unit, spread over the cart
 * (`total`) or taken off each unit (`item`); or free shipping.
 */
@Entity("discount_rule")
@Check("CHK_discount_rule_value", `"value" >= 0`)
export class DiscountRule extends KioskEntity {
  static idPrefix = "dru";

  @Column({ type: "varchar" })
  type: DiscountRuleType;

  @MoneyColumn()
  value: number;

  @Column({ type: "varchar", nullable: true })
  allocation: DiscountAllocation | null;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
