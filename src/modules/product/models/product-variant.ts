import { Check, Column, Customizable, Entity, Index, JoinColumn, KioskEntity, ManyToOne, OneToMany } from "kiosk";
import type { MoneyAmount } from "./money-amount";
import type { Product } from "./product";
import type { ProductOptionValue } from "./product-option-value";

/** A sellable version of a product: one value per option, its own SKU, stock and prices. */
@Customizable("product_variant")
@Entity("product_variant")
@Check("CHK_product_variant_stock", `"inventory_quantity" >= 0 OR "allow_backorder" OR NOT "manage_inventory"`)
export class ProductVariant extends KioskEntity {
  static idPrefix = "variant";

  @Column({ type: "varchar" })
  title: string;

  @Index()
  @Column({ type: "varchar" })
  product_id: string;

  @ManyToOne("Product", "variants", { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product?: Product;

  @Column({ type: "varchar", unique: true, nullable: true })
  sku: string | null;

  @Column({ type: "varchar", nullable: true })
  barcode: string | null;

  @Column({ type: "varchar", nullable: true })
  ean: string | null;

  @Column({ type: "varchar", nullable: true })
  upc: string | null;

  @Column({ type: "integer" })
  inventory_quantity: number;

  @Column({ type: "boolean" })
  allow_backorder: boolean;

  @Column({ type: "boolean" })
  manage_inventory: boolean;

  @Column({ type: "integer", default: 0 })
  variant_rank: number;

  @Column({ type: "varchar", nullable: true })
  hs_code: string | null;

  @Column({ type: "varchar", nullable: true })
  origin_country: string | null;

  @Column({ type: "varchar", nullable: true })
  mid_code: string | null;

  @Column({ type: "varchar", nullable: true })
  material: string | null;

  @Column({ type: "integer", nullable: true })
  weight: number | null;

  @Column({ type: "integer", nullable: true })
  length: number | null;

  @Column({ type: "integer", nullable: true })
  height: number | null;

  @Column({ type: "integer", nullable: true })
  width: number | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @OneToMany("MoneyAmount", "variant")
  prices?: MoneyAmount[];

  @OneToMany("ProductOptionValue", "variant")
  options?: ProductOptionValue[];
}
