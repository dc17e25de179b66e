import { Column, Entity, Index, KioskEntity } from "kiosk";

export type DraftOrderStatus = "open" | "completed";

/**
 * An order the admin builds for a customer (Medusa v1's `DraftOrder`): it owns
 * a cart of `type: "draft_order"` (the cart module's, so `cart_id` is indexed
 * without a foreign key), and becomes `completed` once its payment is
 * registered, pointing at the order made from that cart (`order_id`, the order
 * module's). `display_id` counts draft orders on their own
 * (`draft_order_sequence`).
 */
@Entity("draft_order")
export class DraftOrder extends KioskEntity {
  static idPrefix = "dorder";

  @Column({ type: "varchar", default: "open" })
  status: DraftOrderStatus;

  @Column({ type: "integer", unique: true })
  display_id: number;

  @Column({ type: "varchar", unique: true })
  cart_id: string;

  @Index()
  @Column({ type: "varchar", nullable: true })
  order_id: string | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  completed_at: Date | null;

  @Column({ type: "boolean", nullable: true })
  no_notification_order: boolean | null;

  @Column({ type: "varchar", nullable: true })
  idempotency_key: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
