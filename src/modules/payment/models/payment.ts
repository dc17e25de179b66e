import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";

/**
 * An authorized payment: made from the cart's selected session at completion,
 * then owned by the order. One per cart (`cart_id` is unique). Refunds never
 * exceed the amount (CHECK).
 */
@Entity("payment")
@Check("CHK_payment_amount", `"amount" >= 0`)
@Check("CHK_payment_refunded", `"amount_refunded" >= 0 AND "amount_refunded" <= "amount"`)
export class Payment extends KioskEntity {
  static idPrefix = "pay";

  @Index()
  @Column({ type: "varchar", nullable: true })
  order_id: string | null;

  @ManyToOne("Order", "payments")
  @JoinColumn({ name: "order_id" })
  order?: unknown;

  @Column({ type: "varchar", nullable: true, unique: true })
  cart_id: string | null;

  @ManyToOne("Cart")
  @JoinColumn({ name: "cart_id" })
  cart?: unknown;

  @Column({ type: "varchar" })
  provider_id: string;

  @MoneyColumn()
  amount: number;

  @Column({ type: "varchar" })
  currency_code: string;

  @MoneyColumn({ default: 0 })
  amount_refunded: number;

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;

  @Column({ type: "datetime", nullable: true })
  captured_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  @Column({ type: "varchar", nullable: true })
  idempotency_key: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
