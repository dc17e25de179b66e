import { Column, Entity, Index, KioskEntity } from "kiosk";

/** An admin's note on any resource (an order, a customer, …), as in Medusa v1. */
@Entity("note")
export class Note extends KioskEntity {
  static idPrefix = "note";

  @Column({ type: "text" })
  value: string;

  /** What kind of resource it is about (`order`, `customer`, …); free text, as in Medusa. */
  @Index()
  @Column({ type: "varchar" })
  resource_type: string;

  @Index()
  @Column({ type: "varchar" })
  resource_id: string;

  /** The admin user who wrote it. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  author_id: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
