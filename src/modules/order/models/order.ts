import { Column, Customizable, Entity, Index, JoinColumn, JoinTable, KioskEntity, ManyToMany, ManyToOne, OneToMany } from "kiosk";
import type { Fulfillment } from "./fulfillment";

export const ORDER_STATUSES = ["pending", "completed", "archived", "canceled", "requires_action"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const FULFILLMENT_STATUSES = [
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
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];
export const PAYMENT_STATUSES = [
  "not_paid",
  "awaiting",
  "captured",
  "partially_refunded",
  "refunded",
  "canceled",
  "requires_action",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * An order, made from a completed cart. `cart_id` and `idempotency_key` are
 * unique: a second completion of the same cart (or with the same key) cannot
 * make a second order, and is answered with this one. `display_id` is the
 * human order number, taken from the `order_sequence` counter in the same
 * transaction. Addresses and the tax rate are copied from the cart and region.
 */
@Customizable("order")
@Entity("order")
export class Order extends KioskEntity {
  static idPrefix = "order";

  @Column({ type: "varchar", default: "pending" })
  status: OrderStatus;

  @Column({ type: "varchar", default: "not_fulfilled" })
  fulfillment_status: FulfillmentStatus;

  @Column({ type: "varchar", default: "not_paid" })
  payment_status: PaymentStatus;

  @Column({ type: "integer", unique: true })
  display_id: number;

  @Column({ type: "varchar", nullable: true, unique: true })
  cart_id: string | null;

  @ManyToOne("Cart")
  @JoinColumn({ name: "cart_id" })
  cart?: unknown;

  @Index()
  @Column({ type: "varchar", nullable: true })
  customer_id: string | null;

  @Index()
  @Column({ type: "varchar" })
  email: string;

  @Index()
  @Column({ type: "varchar" })
  region_id: string;

  /** The sales channel it was sold in, from its cart (the sales-channel module's; null for orders of carts without one). */
  @Index()
  @Column({ type: "varchar", nullable: true })
  sales_channel_id: string | null;

  @Column({ type: "varchar" })
  currency_code: string;

  /** The region's tax rate (a percentage) when the order was placed. */
  @Column({ type: "real" })
  tax_rate: number;

  /** The tax lines of each line and shipping method, by id, as the cart had them (null: `tax_rate` for all). */
  @Column({ type: "jsonb", nullable: true })
  tax_lines: OrderTaxLines | null;

  @Column({ type: "jsonb", nullable: true })
  shipping_address: Record<string, unknown> | null;

  @Column({ type: "jsonb", nullable: true })
  billing_address: Record<string, unknown> | null;

  @Column({ type: "varchar", nullable: true, unique: true })
  idempotency_key: string | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  @Column({ type: "boolean", nullable: true })
  no_notification: boolean | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @OneToMany("LineItem", "order")
  items?: any[];

  @OneToMany("ShippingMethod", "order")
  shipping_methods?: any[];

  @OneToMany("Payment", "order")
  payments?: any[];

  @OneToMany("Refund", "order")
  refunds?: any[];

  @OneToMany("Fulfillment", "order")
  fulfillments?: Fulfillment[];

  @ManyToMany("Discount")
  @JoinTable({
    name: "order_discounts",
    joinColumn: { name: "order_id", referencedColumnName: "id" },
    inverseJoinColumn: { name: "discount_id", referencedColumnName: "id" },
  })
  discounts?: any[];
}

/** An order's tax lines: each line's and shipping method's, by id. */
export interface OrderTaxLines {
  items: Record<string, { rate: number; name: string; code: string | null }[]>;
  shipping_methods: Record<string, { rate: number; name: string; code: string | null }[]>;
  /** The lines and shipping methods whose prices include tax (none when left out). */
  includes_tax?: { items: string[]; shipping_methods: string[] };
}
