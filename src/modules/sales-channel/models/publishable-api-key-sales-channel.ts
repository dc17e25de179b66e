import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import { PublishableApiKey } from "./publishable-api-key";
import { SalesChannel } from "./sales-channel";

/** A sales channel a publishable key gives access to. */
@Entity("publishable_api_key_sales_channel")
export class PublishableApiKeySalesChannel {
  @PrimaryColumn({ type: "varchar" })
  publishable_key_id: string;

  @Index()
  @PrimaryColumn({ type: "varchar" })
  sales_channel_id: string;

  @ManyToOne(() => PublishableApiKey, { onDelete: "CASCADE" })
  @JoinColumn({ name: "publishable_key_id" })
  publishable_key?: PublishableApiKey;

  @ManyToOne(() => SalesChannel, { onDelete: "CASCADE" })
  @JoinColumn({ name: "sales_channel_id" })
  sales_channel?: SalesChannel;
}
