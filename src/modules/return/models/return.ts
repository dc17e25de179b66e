import { Column, Entity, Index, KioskEntity, MoneyColumn, OneToMany } from "kiosk";
import type { ReturnItem } from "./return-item";

export const RETURN_STATUSES = ["requested", "received", "requires_action", "canceled"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * Items of an order on their way back (Medusa v1's `Return`): requested by the
 * customer or the admin, then received (stock back, lines' `returned_quantity`
 * up, the refund paid) or canceled. `order_id` points into the order module
 * (indexed, no foreign key). The return shipping, when one was chosen, is a
 * return shipping option of the shipping module and the price it had.
 */
@Entity("return")
export class Return extends KioskEntity {
  static idPrefix = "ret";

  @Column({ type: "varchar", default: "requested" })
  status: ReturnStatus;

  @Index()
  @Column({ type: "varchar" })
  order_id: string;

  @Index()
  @Column({ type: "varchar", nullable: true })
  shipping_option_id: string | null;

  /** What the return shipping costs; it is taken off the refund. */
  @MoneyColumn({ nullable: true })
  shipping_price: number | null;

  @Column({ type: "jsonb", nullable: true })
  shipping_data: Record<string, unknown> | null;

  /** Estimated when requested (or the admin's amount); what was refunded once received. */
  @MoneyColumn({ nullable: true })
  refund_amount: number | null;

  @Column({ type: "datetime", nullable: true })
  received_at: Date | null;

  @Column({ type: "boolean", nullable: true })
  no_notification: boolean | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  /** The swap this return is part of (the swap module's; indexed, no foreign key): its refund is the swap's to settle. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  swap_id: string | null;
  /** The claim this return was created for (the claim module's; indexed, no foreign key): its receipt refunds nothing unless the admin says so. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  claim_order_id: string | null;

  @OneToMany("ReturnItem", "return")
  items?: ReturnItem[];
}
