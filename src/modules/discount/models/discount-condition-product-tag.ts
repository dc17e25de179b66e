import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import type { DiscountCondition } from "./discount-condition";

/** A product tag a `product_tags` condition names. The ids belong to another module: indexed, no foreign key. */
@Entity("discount_condition_product_tag")
export class DiscountConditionProductTag {
  @PrimaryColumn({ type: "varchar" })
  condition_id: string;

  @Index()
  @PrimaryColumn({ type: "varchar" })
  product_tag_id: string;

  @ManyToOne("DiscountCondition", { onDelete: "CASCADE" })
  @JoinColumn({ name: "condition_id" })
  condition?: DiscountCondition;
}
