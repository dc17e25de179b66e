import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { Swap } from "./swap";

/**
 * The shipment of a swap's new items (all of them, as in Medusa v1): created
 * when the admin fulfils the swap, shipped with its tracking numbers, or
 * canceled.
 */
@Entity("swap_fulfillment")
export class SwapFulfillment extends KioskEntity {
  static idPrefix = "swful";

  @Index()
  @Column({ type: "varchar" })
  swap_id: string;

  @ManyToOne("Swap", "fulfillments", { onDelete: "CASCADE" })
  @JoinColumn({ name: "swap_id" })
  swap?: Swap;

  @Column({ type: "jsonb" })
  tracking_numbers: string[];

  @Column({ type: "datetime", nullable: true })
  shipped_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  @Column({ type: "boolean", nullable: true })
  no_notification: boolean | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
