import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { ClaimOrder } from "./claim-order";

/**
 * A replacement sent with a `replace` claim (Medusa v1's claim
 * `additional_items`): units of a variant (the product module's; indexed, no
 * foreign key) at the order's region's price, sent at no charge. `stock_taken`
 * says whether its units were taken from the variant's stock (a variant that
 * manages inventory), so canceling the claim gives back exactly that.
 */
@Entity("claim_additional_item")
@Check("CHK_claim_additional_item_quantity", `"quantity" > 0`)
export class ClaimAdditionalItem extends KioskEntity {
  static idPrefix = "cadd";

  @Index()
  @Column({ type: "varchar" })
  claim_order_id: string;

  @ManyToOne("ClaimOrder", "additional_items", { onDelete: "CASCADE" })
  @JoinColumn({ name: "claim_order_id" })
  claim_order?: ClaimOrder;

  @Index()
  @Column({ type: "varchar" })
  variant_id: string;

  @Column({ type: "varchar" })
  title: string;

  @Column({ type: "varchar", nullable: true })
  description: string | null;

  @Column({ type: "varchar", nullable: true })
  thumbnail: string | null;

  @MoneyColumn()
  unit_price: number;

  @Column({ type: "integer" })
  quantity: number;

  @Column({ type: "integer", default: 0 })
  fulfilled_quantity: number;

  @Column({ type: "integer", default: 0 })
  shipped_quantity: number;

  @Column({ type: "boolean", default: false })
  stock_taken: boolean;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
