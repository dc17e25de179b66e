import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import type { Fulfillment } from "./fulfillment";

/** How many units of one order line a fulfillment carries. */
@Entity("fulfillment_item")
@Check("CHK_fulfillment_item_quantity", `"quantity" > 0`)
export class FulfillmentItem {
  @PrimaryColumn({ type: "varchar" })
  fulfillment_id: string;

  @Index()
  @PrimaryColumn({ type: "varchar" })
  item_id: string;

  @ManyToOne("Fulfillment", "items", { onDelete: "CASCADE" })
  @JoinColumn({ name: "fulfillment_id" })
  fulfillment?: Fulfillment;

  @ManyToOne("LineItem")
  @JoinColumn({ name: "item_id" })
  item?: unknown;

  @Column({ type: "integer" })
  quantity: number;
}
