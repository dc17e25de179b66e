import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { LineItem } from "./line-item";

/**
 * What a discount took off one line of an order, written when the cart is
 * completed, so the order's totals never move when a discount is edited later.
 */
@Entity("line_item_adjustment")
@Check("CHK_line_item_adjustment_amount", `"amount" >= 0`)
export class LineItemAdjustment extends KioskEntity {
  static idPrefix = "lia";

  @Index()
  @Column({ type: "varchar" })
  item_id: string;

  @ManyToOne("LineItem", "adjustments", { onDelete: "CASCADE" })
  @JoinColumn({ name: "item_id" })
  item?: LineItem;

  @Index()
  @Column({ type: "varchar", nullable: true })
  discount_id: string | null;

  @ManyToOne("Discount", { onDelete: "SET NULL" })
  @JoinColumn({ name: "discount_id" })
  discount?: unknown;

  @Column({ type: "varchar" })
  description: string;

  @MoneyColumn()
  amount: number;
}
