import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";

export const REFUND_REASONS = ["discount", "return", "swap", "claim", "other"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** Money given back on an order's captured payment. */
@Entity("refund")
@Check("CHK_refund_amount", `"amount" > 0`)
export class Refund extends KioskEntity {
  static idPrefix = "ref";

  @Index()
  @Column({ type: "varchar" })
  order_id: string;

  @ManyToOne("Order", "refunds")
  @JoinColumn({ name: "order_id" })
  order?: unknown;

  @Index()
  @Column({ type: "varchar", nullable: true })
  payment_id: string | null;

  @ManyToOne("Payment")
  @JoinColumn({ name: "payment_id" })
  payment?: unknown;

  @MoneyColumn()
  amount: number;

  @Column({ type: "varchar" })
  reason: RefundReason;

  @Column({ type: "text", nullable: true })
  note: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
