import { Column, Entity, Index, KioskEntity, MoneyColumn, OneToMany } from "kiosk";
import type { SwapFulfillment } from "./swap-fulfillment";

export const SWAP_FULFILLMENT_STATUSES = ["not_fulfilled", "fulfilled", "shipped", "canceled"] as const;
export type SwapFulfillmentStatus = (typeof SWAP_FULFILLMENT_STATUSES)[number];
export const SWAP_PAYMENT_STATUSES = ["not_paid", "awaiting", "confirmed", "captured", "difference_refunded", "requires_action", "canceled"] as const;
export type SwapPaymentStatus = (typeof SWAP_PAYMENT_STATUSES)[number];

/**
 * An exchange of shipped items of an order (Medusa v1's `Swap`): a return of
 * the order (the return module's, `return_id`) and new items, the lines of a
 * cart of type `swap` (the cart module's, `cart_id`) the customer completes.
 * `order_id`, `return_id`, `cart_id` and `payment_id` point into other
 * modules: indexed, no foreign key.
 */
@Entity("swap")
export class Swap extends KioskEntity {
  static idPrefix = "swap";

  @Column({ type: "varchar", default: "not_fulfilled" })
  fulfillment_status: SwapFulfillmentStatus;

  @Column({ type: "varchar", default: "not_paid" })
  payment_status: SwapPaymentStatus;

  @Index()
  @Column({ type: "varchar" })
  order_id: string;

  @Index()
  @Column({ type: "varchar", nullable: true })
  return_id: string | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  cart_id: string | null;

  /** The payment of the swap's cart (the payment module's), once the cart is completed. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  payment_id: string | null;

  /** The new items' total less `return_total`, set when the swap's cart is completed (negative: owed to the customer). */
  @MoneyColumn({ nullable: true })
  difference_due: number | null;

  /** What the returned items are worth (the return's refund estimate), set when the swap's cart is completed. */
  @MoneyColumn({ nullable: true })
  return_total: number | null;

  /** The stock the swap's cart took, per variant: given back once if the swap is canceled. */
  @Column({ type: "jsonb", nullable: true })
  stock_taken: [string, number][] | null;

  @Column({ type: "jsonb", nullable: true })
  shipping_address: Record<string, unknown> | null;

  @Column({ type: "datetime", nullable: true })
  confirmed_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  @Column({ type: "boolean", default: false })
  allow_backorder: boolean;

  @Column({ type: "boolean", nullable: true })
  no_notification: boolean | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  idempotency_key: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @OneToMany("SwapFulfillment", "swap")
  fulfillments?: SwapFulfillment[];
}
