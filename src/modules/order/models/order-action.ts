import { Column, Entity, JoinColumn, KioskEntity, ManyToOne } from "kiosk";

export const ORDER_ACTIONS = [
  "capture",
  "refund",
  "cancel",
  "create_fulfillment",
  "cancel_fulfillment",
  "receive_return",
  "swap_payment",
  "claim_refund",
  "create_claim_fulfillment",
  "cancel_claim_fulfillment",
] as const;
export type OrderActionKind = (typeof ORDER_ACTIONS)[number];

/**
 * An admin action in progress on an order, between the short transaction that
 * claimed it and the one that records what the provider answered (see
 * `lib/provider-action.ts`). At most one per order (`order_id` is unique);
 * `data` says what the action asked the provider to do, `created_at` when.
 */
@Entity("order_action")
export class OrderAction extends KioskEntity {
  static idPrefix = "oact";

  @Column({ type: "varchar", unique: true })
  order_id: string;

  @ManyToOne("Order")
  @JoinColumn({ name: "order_id" })
  order?: unknown;

  @Column({ type: "varchar" })
  action: OrderActionKind;

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;
}
