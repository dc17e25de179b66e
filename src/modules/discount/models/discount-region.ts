import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import type { Discount } from "./discount";

/** A region a discount is valid in. Regions belong to the region module: no foreign key to them. */
@Entity("discount_regions")
export class DiscountRegion {
  @PrimaryColumn({ type: "varchar" })
  discount_id: string;

  @Index()
  @PrimaryColumn({ type: "varchar" })
  region_id: string;

  @ManyToOne("Discount", "discount_regions", { onDelete: "CASCADE" })
  @JoinColumn({ name: "discount_id" })
  discount?: Discount;
}
