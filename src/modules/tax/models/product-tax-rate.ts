import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import { TaxRate } from "./tax-rate";

/** A product taxed at a tax rate instead of its region's rate (Medusa v1's `product_tax_rate`). */
@Entity("product_tax_rate")
export class ProductTaxRate {
  @PrimaryColumn({ type: "varchar" })
  rate_id: string;

  /** A product of the product module (indexed, without a foreign key). */
  @Index()
  @PrimaryColumn({ type: "varchar" })
  product_id: string;

  @ManyToOne(() => TaxRate, { onDelete: "CASCADE" })
  @JoinColumn({ name: "rate_id" })
  tax_rate?: TaxRate;
}
