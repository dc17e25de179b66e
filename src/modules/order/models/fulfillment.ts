import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, OneToMany } from "kiosk";
import type { FulfillmentItem } from "./fulfillment-item";
import type { Order } from "./order";

/** Some of an order's items, handed to a fulfillment provider; shipped once tracking numbers are known. */
@Entity("fulfillment")
export class Fulfillment extends KioskEntity {
  static idPrefix = "ful";

  @Index()
  @Column({ type: "varchar" })
  order_id: string;

  @ManyToOne("Order", "fulfillments")
  @JoinColumn({ name: "order_id" })
  order?: Order;

  @Column({ type: "varchar" })
  provider_id: string;

  /** The stock location its units left from (the stock-location module's; indexed, no foreign key), or null. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  location_id: string | null;

  @Column({ type: "jsonb" })
  tracking_numbers: string[];

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;

  @Column({ type: "datetime", nullable: true })
  shipped_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;

  @Column({ type: "boolean", nullable: true })
  no_notification: boolean | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @OneToMany("FulfillmentItem", "fulfillment")
  items?: FulfillmentItem[];
}
