import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, OneToMany } from "kiosk";
import type { Product } from "./product";
import type { ProductOptionValue } from "./product-option-value";

/** An axis a product varies along (Size, Color); each variant gives one value per option. */
@Entity("product_option")
export class ProductOption extends KioskEntity {
  static idPrefix = "popt";

  @Column({ type: "varchar" })
  title: string;

  @Index()
  @Column({ type: "varchar" })
  product_id: string;

  @ManyToOne("Product", "options", { onDelete: "CASCADE" })
  @JoinColumn({ name: "product_id" })
  product?: Product;

  @OneToMany("ProductOptionValue", "option")
  values?: ProductOptionValue[];

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
