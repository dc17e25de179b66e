import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import { SalesChannel } from "./sales-channel";

/** A product sold in a channel (Medusa v1's `product_sales_channel`). */
@Entity("product_sales_channel")
export class ProductSalesChannel {
  @PrimaryColumn({ type: "varchar" })
  sales_channel_id: string;

  /** A product of the product module (indexed, without a foreign key). */
  @Index()
  @PrimaryColumn({ type: "varchar" })
  product_id: string;

  @ManyToOne(() => SalesChannel, { onDelete: "CASCADE" })
  @JoinColumn({ name: "sales_channel_id" })
  sales_channel?: SalesChannel;
}
