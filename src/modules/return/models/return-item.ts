import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { Return } from "./return";

/**
 * Units of one order line in a return (Medusa v1's `ReturnItem`): `item_id` is
 * a line of the return's order (the cart module's, indexed without a foreign
 * key), `quantity` what was asked to come back, `received_quantity` what came.
 */
@Entity("return_item")
@Index("IDX_return_item_line", ["return_id", "item_id"], { unique: true })
@Check("CHK_return_item_quantity", `"quantity" > 0`)
export class ReturnItem extends KioskEntity {
  static idPrefix = "retitem";

  @Column({ type: "varchar" })
  return_id: string;

  @ManyToOne("Return", "items", { onDelete: "CASCADE" })
  @JoinColumn({ name: "return_id" })
  return?: Return;

  @Index()
  @Column({ type: "varchar" })
  item_id: string;

  @Column({ type: "integer" })
  quantity: number;

  @Column({ type: "boolean", default: true })
  is_requested: boolean;

  @Column({ type: "integer", nullable: true })
  requested_quantity: number | null;

  @Column({ type: "integer", nullable: true })
  received_quantity: number | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  reason_id: string | null;

  @ManyToOne("ReturnReason")
  @JoinColumn({ name: "reason_id" })
  reason?: unknown;

  @Column({ type: "text", nullable: true })
  note: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
