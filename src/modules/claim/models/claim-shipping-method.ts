import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { ClaimOrder } from "./claim-order";

/** How a `replace` claim's new items are sent: a shipping option of the order's region (the shipping module's; indexed, no foreign key) at the admin's price. */
@Entity("claim_shipping_method")
export class ClaimShippingMethod extends KioskEntity {
  static idPrefix = "csm";

  @Index()
  @Column({ type: "varchar" })
  claim_order_id: string;

  @ManyToOne("ClaimOrder", "shipping_methods", { onDelete: "CASCADE" })
  @JoinColumn({ name: "claim_order_id" })
  claim_order?: ClaimOrder;

  @Index()
  @Column({ type: "varchar" })
  shipping_option_id: string;

  @MoneyColumn()
  price: number;

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;
}
