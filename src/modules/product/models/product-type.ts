import { Column, Entity, Index, KioskEntity } from "kiosk";

/**
 * What kind of thing a product is ("Shirt"), one per product. Made through
 * products (`type: { value }` reuses the live type with that value, or creates
 * it). Deleting one only sets `deleted_at`; `value` is unique among live types.
 */
@Entity("product_type")
@Index("IDX_product_type_value_live", ["value"], { unique: true, where: `"deleted_at" IS NULL` })
export class ProductType extends KioskEntity {
  static idPrefix = "ptyp";

  @Column({ type: "varchar" })
  value: string;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @Column({ type: "datetime", nullable: true })
  deleted_at: Date | null;
}
