import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import { TaxRate } from "./tax-rate";

/** A product type whose products are taxed at a tax rate instead of their region's rate (Medusa v1's `product_type_tax_rate`). */
@Entity("product_type_tax_rate")
export class ProductTypeTaxRate {
  @PrimaryColumn({ type: "varchar" })
  rate_id: string;

  /** A product type of the product module (indexed, without a foreign key). */
  @Index()
  @PrimaryColumn({ type: "varchar" })
  product_type_id: string;

  @ManyToOne(() => TaxRate, { onDelete: "CASCADE" })
  @JoinColumn({ name: "rate_id" })
  tax_rate?: TaxRate;
}
