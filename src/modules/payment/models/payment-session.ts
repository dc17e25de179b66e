import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";

export const PAYMENT_SESSION_STATUSES = ["pending", "authorized", "requires_more", "error", "canceled"] as const;
export type PaymentSessionStatus = (typeof PAYMENT_SESSION_STATUSES)[number];

/**
 * A cart's payment with one provider, before the order exists: one per
 * (cart, provider); the one `is_selected` is authorized when the cart completes.
 */
@Entity("payment_session")
@Index(["cart_id", "provider_id"], { unique: true })
export class PaymentSession extends KioskEntity {
  static idPrefix = "ps";

  @Column({ type: "varchar" })
  cart_id: string;

  @ManyToOne("Cart", "payment_sessions", { onDelete: "CASCADE" })
  @JoinColumn({ name: "cart_id" })
  cart?: unknown;

  @Column({ type: "varchar" })
  provider_id: string;

  @Column({ type: "boolean" })
  is_selected: boolean;

  @Column({ type: "boolean" })
  is_initiated: boolean;

  @Column({ type: "varchar" })
  status: PaymentSessionStatus;

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;

  @MoneyColumn()
  amount: number;

  @Column({ type: "datetime", nullable: true })
  payment_authorized_at: Date | null;
}
