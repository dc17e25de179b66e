import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import { InventoryItem } from "./inventory-item";

/** Units of an item held at a location for a line item (made at checkout, or by an admin). */
@Entity("reservation_item")
export class ReservationItem extends KioskEntity {
  static idPrefix = "resitem";

  @Index()
  @Column({ type: "varchar" })
  inventory_item_id: string;

  /** A stock location of the stock-location module (indexed, without a foreign key). */
  @Index()
  @Column({ type: "varchar" })
  location_id: string;

  /** A line item of the cart module (indexed, without a foreign key). */
  @Index()
  @Column({ type: "varchar", nullable: true })
  line_item_id: string | null;

  @Column({ type: "integer" })
  quantity: number;

  @Column({ type: "varchar", nullable: true })
  description: string | null;

  @Column({ type: "varchar", nullable: true })
  created_by: string | null;

  @Column({ type: "varchar", nullable: true })
  external_id: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @ManyToOne(() => InventoryItem, { onDelete: "CASCADE" })
  @JoinColumn({ name: "inventory_item_id" })
  inventory_item?: InventoryItem;
}
