import { Column, Entity, Index, KioskEntity } from "kiosk";

/** The store's settings: one row, as in Medusa v1 (its name, currencies and link templates). */
@Entity("store")
export class Store extends KioskEntity {
  static idPrefix = "store";

  @Column({ type: "varchar" })
  name: string;

  /** A currency of the region module's catalogue, by its lower-case code; always one of the store's currencies. */
  @Column({ type: "varchar" })
  default_currency_code: string;

  /** A region of the region module, by id (no foreign key: the table is the region module's). */
  @Index()
  @Column({ type: "varchar", nullable: true })
  default_region_id: string | null;

  @Column({ type: "text", nullable: true })
  swap_link_template: string | null;

  @Column({ type: "text", nullable: true })
  payment_link_template: string | null;

  @Column({ type: "text", nullable: true })
  invite_link_template: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
