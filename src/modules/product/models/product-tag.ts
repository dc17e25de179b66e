import { Column, Entity, KioskEntity } from "kiosk";

/** A free-form label on products; products and tags meet in `product_tags`. */
@Entity("product_tag")
export class ProductTag extends KioskEntity {
  static idPrefix = "ptag";

  @Column({ type: "varchar" })
  value: string;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
