import { Column, Entity, Index, KioskEntity, MoneyColumn, OneToMany } from "kiosk";
import type { ClaimItem } from "./claim-item";
import type { ClaimAdditionalItem } from "./claim-additional-item";
import type { ClaimShippingMethod } from "./claim-shipping-method";
import type { ClaimFulfillment } from "./claim-fulfillment";

export const CLAIM_TYPES = ["refund", "replace"] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
export const CLAIM_PAYMENT_STATUSES = ["na", "not_refunded", "refunded"] as const;
export type ClaimPaymentStatus = (typeof CLAIM_PAYMENT_STATUSES)[number];
export const CLAIM_FULFILLMENT_STATUSES = [
  "not_fulfilled",
  "partially_fulfilled",
  "fulfilled",
  "partially_shipped",
  "shipped",
  "partially_returned",
  "returned",
  "canceled",
  "requires_action",
] as const;
export type ClaimFulfillmentStatus = (typeof CLAIM_FULFILLMENT_STATUSES)[number];

/**
 * A claim on an order's items (Medusa v1's `ClaimOrder`): items that arrived
 * broken, wrong or not at all, settled by a refund (`type: "refund"`) or by
 * new items sent at no charge (`type: "replace"`). `order_id` and `return_id`
 * point into the order and return modules (indexed, no foreign key).
 */
@Entity("claim_order")
export class ClaimOrder extends KioskEntity {
  static idPrefix = "claim";

  @Column({ type: "varchar" })
  type: ClaimType;

  @Column({ type: "varchar", default: "na" })
  payment_status: ClaimPaymentStatus;

  @Column({ type: "varchar", default: "not_fulfilled" })
  fulfillment_status: ClaimFulfillmentStatus;

  @Index()
  @Column({ type: "varchar" })
  order_id: string;

  /** The return the claim asked for (`return_shipping`), received like any return. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  return_id: string | null;

  /** Where the replacement goes; null: the order's shipping address. */
  @Column({ type: "jsonb", nullable: true })
  shipping_address: Record<string, unknown> | null;

  /** What a refund claim refunded. */
  @MoneyColumn({ nullable: true })
  refund_amount: number | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  @Column({ type: "boolean", nullable: true })
  no_notification: boolean | null;

  @Column({ type: "varchar", nullable: true })
  idempotency_key: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @OneToMany("ClaimItem", "claim_order")
  claim_items?: ClaimItem[];

  @OneToMany("ClaimAdditionalItem", "claim_order")
  additional_items?: ClaimAdditionalItem[];

  @OneToMany("ClaimShippingMethod", "claim_order")
  shipping_methods?: ClaimShippingMethod[];

  @OneToMany("ClaimFulfillment", "claim_order")
  fulfillments?: ClaimFulfillment[];
}
