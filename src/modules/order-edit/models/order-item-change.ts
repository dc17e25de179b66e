import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { OrderEdit } from "./order-edit";

export const ORDER_ITEM_CHANGE_TYPES = ["item_add", "item_remove", "item_update"] as const;
export type OrderItemChangeType = (typeof ORDER_ITEM_CHANGE_TYPES)[number];

/**
 * One change an edit makes, as in Medusa v1: `item_add` (`line_item_id` is the
 * added line), `item_update` (`original_line_item_id` the order line,
 * `line_item_id` its copy in the edit) or `item_remove` (`original_line_item_id`).
 */
@Entity("order_item_change")
export class OrderItemChange extends KioskEntity {
  static idPrefix = "oic";

  @Column({ type: "varchar" })
  type: OrderItemChangeType;

  @Index()
  @Column({ type: "varchar" })
  order_edit_id: string;

  @ManyToOne("OrderEdit", "changes", { onDelete: "CASCADE" })
  @JoinColumn({ name: "order_edit_id" })
  order_edit?: OrderEdit;

  @Index()
  @Column({ type: "varchar", nullable: true })
  original_line_item_id: string | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  line_item_id: string | null;
}
