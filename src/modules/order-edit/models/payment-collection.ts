import { Column, Entity, Index, KioskEntity, MoneyColumn, OneToMany } from "kiosk";
import type { PaymentCollectionSession } from "./payment-collection-session";

export const PAYMENT_COLLECTION_STATUSES = ["not_paid", "awaiting", "authorized", "partially_authorized", "canceled"] as const;
export type PaymentCollectionStatus = (typeof PAYMENT_COLLECTION_STATUSES)[number];

/**
 * What a customer owes for an order edit (Medusa v1's payment collection, type
 * `order_edit`): made when an edit with a positive difference is requested,
 * paid through its own payment sessions.
 */
@Entity("payment_collection")
export class PaymentCollection extends KioskEntity {
  static idPrefix = "paycol";

  @Column({ type: "varchar", default: "order_edit" })
  type: "order_edit";

  @Column({ type: "varchar", default: "not_paid" })
  status: PaymentCollectionStatus;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @MoneyColumn()
  amount: number;

  @MoneyColumn({ nullable: true })
  authorized_amount: number | null;

  @Index()
  @Column({ type: "varchar" })
  region_id: string;

  @Column({ type: "varchar" })
  currency_code: string;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @Column({ type: "varchar" })
  created_by: string;

  @OneToMany("PaymentCollectionSession", "payment_collection")
  payment_sessions?: PaymentCollectionSession[];
}
