import { Column, Entity, Index, KioskEntity } from "kiosk";

/** A notification a provider sent (an order confirmation, a shipping notice), or a resend of one. */
@Entity("notification")
export class Notification extends KioskEntity {
  static idPrefix = "noti";

  /** The event that caused it (`order.placed`); a resend keeps its original's. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  event_name: string | null;

  /** What it is about: the event's object (`order`, `customer`) and its id. */
  @Index()
  @Column({ type: "varchar" })
  resource_type: string;

  @Index()
  @Column({ type: "varchar" })
  resource_id: string;

  @Index()
  @Column({ type: "varchar", nullable: true })
  customer_id: string | null;

  /** Where the provider sent it (an email address, a phone number), as the provider says. */
  @Index()
  @Column({ type: "varchar" })
  to: string;

  /** What the provider reported it sent. */
  @Column({ type: "jsonb" })
  data: Record<string, unknown>;

  @Column({ type: "varchar" })
  provider_id: string;

  /** The notification this one resends; null for an original. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  parent_id: string | null;
}
