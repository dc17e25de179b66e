import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { PaymentCollection } from "./payment-collection";

/**
 * A payment session of a payment collection, started with a payment provider
 * through `paymentSessionService.start` (a cart's sessions are the payment
 * module's; a collection has no cart). `payment_id` is the payment its
 * authorization made (the payment module's `payment`, no foreign key).
 */
@Entity("payment_collection_session")
export class PaymentCollectionSession extends KioskEntity {
  static idPrefix = "ps";

  @Index()
  @Column({ type: "varchar" })
  payment_collection_id: string;

  @ManyToOne("PaymentCollection", "payment_sessions", { onDelete: "CASCADE" })
  @JoinColumn({ name: "payment_collection_id" })
  payment_collection?: PaymentCollection;

  @Column({ type: "varchar" })
  provider_id: string;

  @MoneyColumn()
  amount: number;

  @Column({ type: "varchar", default: "pending" })
  status: "pending" | "authorized" | "requires_more" | "error" | "canceled";

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;

  @Column({ type: "boolean", default: true })
  is_selected: boolean;

  @Column({ type: "boolean", default: true })
  is_initiated: boolean;

  @Column({ type: "datetime", nullable: true })
  payment_authorized_at: Date | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  payment_id: string | null;
}
