import { Column, Entity, Index, KioskEntity } from "kiosk";

/** A place stock is kept (a warehouse, a shop): inventory levels and reservations name it. */
@Entity("stock_location")
export class StockLocation extends KioskEntity {
  static idPrefix = "sloc";

  @Column({ type: "varchar" })
  name: string;

  /** Its address (`stock_location_address`), or null. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  address_id: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
