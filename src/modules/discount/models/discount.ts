import { Check, Column, Customizable, Entity, Index, JoinColumn, KioskEntity, ManyToOne, OneToMany } from "kiosk";
import type { DiscountRegion } from "./discount-region";
import type { DiscountRule } from "./discount-rule";

/**
 * A discount code. Codes are stored upper-case and are unique; `usage_count`
 * never passes `usage_limit` (the CHECK is the last guard behind the service's
 * conditional update at cart completion).
 */
@Customizable("discount")
@Entity("discount")
@Check("CHK_discount_usage", `"usage_limit" IS NULL OR "usage_count" <= "usage_limit"`)
export class Discount extends KioskEntity {
  static idPrefix = "disc";

  @Column({ type: "varchar", unique: true })
  code: string;

  @Column({ type: "boolean" })
  is_dynamic: boolean;

  @Index()
  @Column({ type: "varchar" })
  rule_id: string;

  @ManyToOne("DiscountRule")
  @JoinColumn({ name: "rule_id" })
  rule?: DiscountRule;

  @Column({ type: "boolean" })
  is_disabled: boolean;

  @Column({ type: "datetime" })
  starts_at: Date;

  @Column({ type: "datetime", nullable: true })
  ends_at: Date | null;

  @Column({ type: "integer", nullable: true })
  usage_limit: number | null;

  @Column({ type: "integer", default: 0 })
  usage_count: number;

  /** A dynamic code's parent (the dynamic discount it was made from; it shares its rule). */
  @Index()
  @Column({ type: "varchar", nullable: true })
  parent_discount_id: string | null;

  /** How long a dynamic code made from this discount lasts (an ISO 8601 duration, such as `P1Y2M3DT4H`). */
  @Column({ type: "varchar", nullable: true })
  valid_duration: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  /** The regions the code may be used in (region ids; the regions live in their own module). */
  @OneToMany("DiscountRegion", "discount")
  discount_regions?: DiscountRegion[];
}
