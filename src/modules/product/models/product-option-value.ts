import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { ProductOption } from "./product-option";
import type { ProductVariant } from "./product-variant";

/** One variant's value for one option (`M` for Size). */
@Entity("product_option_value")
export class ProductOptionValue extends KioskEntity {
  static idPrefix = "optval";

  @Column({ type: "varchar" })
  value: string;

  @Index()
  @Column({ type: "varchar" })
  option_id: string;

  @ManyToOne("ProductOption", "values", { onDelete: "CASCADE" })
  @JoinColumn({ name: "option_id" })
  option?: ProductOption;

  @Index()
  @Column({ type: "varchar" })
  variant_id: string;

  @ManyToOne("ProductVariant", "options", { onDelete: "CASCADE" })
  @JoinColumn({ name: "variant_id" })
  variant?: ProductVariant;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
