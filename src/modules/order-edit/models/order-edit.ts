import { Column, Entity, Index, KioskEntity, OneToMany } from "kiosk";
import type { OrderEditItem } from "./order-edit-item";
import type { OrderItemChange } from "./order-item-change";

/**
 * A proposed change to an order's lines, as in Medusa v1. Its status is
 * derived from the timestamps (`lib/edit-status.ts`). `active_order_id` is the
 * order's id while the edit is active (created or requested) and null after:
 * a unique column, so an order has at most one active edit.
 */
@Entity("order_edit")
export class OrderEdit extends KioskEntity {
  static idPrefix = "oe";

  @Index()
  @Column({ type: "varchar" })
  order_id: string;

  @Column({ type: "varchar", nullable: true, unique: true })
  active_order_id: string | null;

  @Column({ type: "text", nullable: true })
  internal_note: string | null;

  @Column({ type: "varchar" })
  created_by: string;

  @Column({ type: "varchar", nullable: true })
  requested_by: string | null;

  @Column({ type: "datetime", nullable: true })
  requested_at: Date | null;

  @Column({ type: "varchar", nullable: true })
  confirmed_by: string | null;

  @Column({ type: "datetime", nullable: true })
  confirmed_at: Date | null;

  @Column({ type: "varchar", nullable: true })
  declined_by: string | null;

  @Column({ type: "text", nullable: true })
  declined_reason: string | null;

  @Column({ type: "datetime", nullable: true })
  declined_at: Date | null;

  @Column({ type: "varchar", nullable: true })
  canceled_by: string | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  /** The payment collection made when the edit was requested with a positive difference (this module's `payment_collection`), or null. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  payment_collection_id: string | null;

  @OneToMany("OrderEditItem", "order_edit")
  items?: OrderEditItem[];

  @OneToMany("OrderItemChange", "order_edit")
  changes?: OrderItemChange[];
}
