import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { OrderEdit } from "./order-edit";

/**
 * A line of an order as an edit would leave it: a copy of an order line
 * (`original_item_id`) made when the edit is created, or a line the edit adds.
 * Confirming the edit gives the order these lines (an added line keeps this id).
 */
@Entity("order_edit_item")
export class OrderEditItem extends KioskEntity {
  static idPrefix = "item";

  @Index()
  @Column({ type: "varchar" })
  order_edit_id: string;

  @ManyToOne("OrderEdit", "items", { onDelete: "CASCADE" })
  @JoinColumn({ name: "order_edit_id" })
  order_edit?: OrderEdit;

  /** The order line this copies (the cart module's `line_item`), null for an added line. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  original_item_id: string | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  variant_id: string | null;

  @Column({ type: "varchar", nullable: true })
  product_id: string | null;

  @Column({ type: "varchar" })
  title: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "varchar", nullable: true })
  thumbnail: string | null;

  @Column({ type: "boolean" })
  is_giftcard: boolean;

  @Column({ type: "boolean" })
  allow_discounts: boolean;

  @MoneyColumn()
  unit_price: number;

  @Column({ type: "integer" })
  quantity: number;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
