import { Column, Customizable, Entity, Index, JoinColumn, KioskEntity, ManyToMany, ManyToOne, OneToMany } from "kiosk";
import type { Product } from "./product";

/** A node of the category tree; products and categories meet in `product_category_product`. */
@Customizable("product_category")
@Entity("product_category")
export class ProductCategory extends KioskEntity {
  static idPrefix = "pcat";

  @Column({ type: "varchar" })
  name: string;

  @Column({ type: "varchar", unique: true })
  handle: string;

  @Column({ type: "text", default: "" })
  description: string;

  @Column({ type: "boolean" })
  is_active: boolean;

  @Column({ type: "boolean" })
  is_internal: boolean;

  /** Position among its siblings, from 0. */
  @Column({ type: "integer", default: 0 })
  rank: number;

  @Index()
  @Column({ type: "varchar", nullable: true })
  parent_category_id: string | null;

  @ManyToOne("ProductCategory", "category_children")
  @JoinColumn({ name: "parent_category_id" })
  parent_category?: ProductCategory | null;

  @OneToMany("ProductCategory", "parent_category")
  category_children?: ProductCategory[];

  @ManyToMany("Product", "categories")
  products?: Product[];

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
