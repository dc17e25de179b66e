import { Column, Customizable, Entity, KioskEntity } from "kiosk";

/** A curated group of products (Summer 2025); a product belongs to one collection at most. */
@Customizable("product_collection")
@Entity("product_collection")
export class ProductCollection extends KioskEntity {
  static idPrefix = "pcol";

  @Column({ type: "varchar" })
  title: string;

  @Column({ type: "varchar", unique: true })
  handle: string;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
