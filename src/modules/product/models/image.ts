import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { Product } from "./product";

/** A product image, shown in `rank` order. */
@Entity("image")
export class Image extends KioskEntity {
  static idPrefix = "img";

  @Column({ type: "varchar" })
  url: string;

  @Index()
  @Column({ type: "varchar" })
  product_id: string;

  @ManyToOne("Product", "images", { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product?: Product;

  @Column({ type: "integer", default: 0 })
  rank: number;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
