import { Column, Entity, Index, KioskEntity } from "kiosk";

/**
 * A stock location serving a sales channel (Medusa v1's `sales_channel_location`):
 * a cart of the channel reserves stock at its locations first.
 */
@Entity("sales_channel_location")
@Index(["sales_channel_id", "location_id"], { unique: true })
export class SalesChannelLocation extends KioskEntity {
  static idPrefix = "scloc";

  /** A sales channel of the sales-channel module (indexed, without a foreign key). */
  @Column({ type: "varchar" })
  sales_channel_id: string;

  @Index()
  @Column({ type: "varchar" })
  location_id: string;
}
