import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { ClaimOrder } from "./claim-order";

export const CLAIM_REASONS = ["missing_item", "wrong_item", "production_failure", "other"] as const;
export type ClaimReason = (typeof CLAIM_REASONS)[number];

/**
 * Units of one order line a claim is about (Medusa v1's `ClaimItem`): `item_id`
 * is a line of the claim's order and `variant_id` its variant (the cart and
 * product modules'; indexed, no foreign key).
 */
@Entity("claim_item")
@Check("CHK_claim_item_quantity", `"quantity" > 0`)
export class ClaimItem extends KioskEntity {
  static idPrefix = "citm";

  @Index()
  @Column({ type: "varchar" })
  claim_order_id: string;

  @ManyToOne("ClaimOrder", "claim_items", { onDelete: "CASCADE" })
  @JoinColumn({ name: "claim_order_id" })
  claim_order?: ClaimOrder;

  @Index()
  @Column({ type: "varchar" })
  item_id: string;

  @Index()
  @Column({ type: "varchar", nullable: true })
  variant_id: string | null;

  @Column({ type: "varchar" })
  reason: ClaimReason;

  @Column({ type: "text", nullable: true })
  note: string | null;

  @Column({ type: "integer" })
  quantity: number;

  /** Tag values, shown as Medusa's `{ value }` objects. */
  @Column({ type: "jsonb", nullable: true })
  tags: string[] | null;

  /** Image URLs, shown as Medusa's `{ url }` objects. */
  @Column({ type: "jsonb", nullable: true })
  images: string[] | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
