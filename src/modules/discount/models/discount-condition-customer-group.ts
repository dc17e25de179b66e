import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import type { DiscountCondition } from "./discount-condition";

/** A customer group a `customer_groups` condition names. The ids belong to another module: indexed, no foreign key. */
@Entity("discount_condition_customer_group")
export class DiscountConditionCustomerGroup {
  @PrimaryColumn({ type: "varchar" })
  condition_id: string;

  @Index()
  @PrimaryColumn({ type: "varchar" })
  customer_group_id: string;

  @ManyToOne("DiscountCondition", { onDelete: "CASCADE" })
  @JoinColumn({ name: "condition_id" })
  condition?: DiscountCondition;
}
