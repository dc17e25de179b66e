import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { ClaimOrder } from "./claim-order";

/**
 * A `replace` claim's new items handed to the fulfillment provider of the
 * claim's shipping option (Medusa v1's fulfillment with a `claim_order_id`);
 * shipped once tracking numbers are known, or canceled before. `items` are
 * the replacement items (`claim_additional_item`) and their units.
 */
@Entity("claim_fulfillment")
export class ClaimFulfillment extends KioskEntity {
  static idPrefix = "cful";

  @Index()
  @Column({ type: "varchar" })
  claim_order_id: string;

  @ManyToOne("ClaimOrder", "fulfillments", { onDelete: "CASCADE" })
  @JoinColumn({ name: "claim_order_id" })
  claim_order?: ClaimOrder;

  @Column({ type: "varchar" })
  provider_id: string;

  @Column({ type: "jsonb" })
  items: { item_id: string; quantity: number }[];

  @Column({ type: "jsonb" })
  tracking_numbers: string[];

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;

  @Column({ type: "datetime", nullable: true })
  shipped_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  @Column({ type: "boolean", nullable: true })
  no_notification: boolean | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
