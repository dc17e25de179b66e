import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import { InventoryItem } from "./inventory-item";

/**
 * An item's stock at one location: `stocked_quantity` on the shelves, of which
 * `reserved_quantity` is promised to orders not yet fulfilled (never more than
 * stocked when a reservation is made: one conditional UPDATE), and
 * `incoming_quantity` expected.
 */
@Entity("inventory_level")
@Index(["inventory_item_id", "location_id"], { unique: true })
export class InventoryLevel extends KioskEntity {
  static idPrefix = "ilev";

  @Column({ type: "varchar" })
  inventory_item_id: string;

  /** A stock location of the stock-location module (indexed, without a foreign key). */
  @Index()
  @Column({ type: "varchar" })
  location_id: string;

  @Column({ type: "integer", default: 0 })
  stocked_quantity: number;

  @Column({ type: "integer", default: 0 })
  reserved_quantity: number;

  @Column({ type: "integer", default: 0 })
  incoming_quantity: number;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @ManyToOne(() => InventoryItem, { onDelete: "CASCADE" })
  @JoinColumn({ name: "inventory_item_id" })
  inventory_item?: InventoryItem;
}
