import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import { TaxRate } from "./tax-rate";

/** A shipping option taxed at a tax rate instead of its region's rate (Medusa v1's `shipping_tax_rate`). */
@Entity("shipping_tax_rate")
export class ShippingTaxRate {
  @PrimaryColumn({ type: "varchar" })
  rate_id: string;

  /** A shipping option of the shipping module (indexed, without a foreign key). */
  @Index()
  @PrimaryColumn({ type: "varchar" })
  shipping_option_id: string;

  @ManyToOne(() => TaxRate, { onDelete: "CASCADE" })
  @JoinColumn({ name: "rate_id" })
  tax_rate?: TaxRate;
}
