import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";

/**
 * Why an item comes back ("Wrong size"). A reason may have child reasons
 * ("Too small", "Too large"), one level deep, as in Medusa v1. Deleting one only
 * sets `deleted_at`; `value` is unique among the reasons not deleted.
 */
@Entity("return_reason")
@Index("IDX_return_reason_value_live", ["value"], { unique: true, where: `"deleted_at" IS NULL` })
export class ReturnReason extends KioskEntity {
  static idPrefix = "rr";

  @Column({ type: "varchar" })
  value: string;

  @Column({ type: "varchar" })
  label: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  parent_return_reason_id: string | null;

  @ManyToOne("ReturnReason")
  @JoinColumn({ name: "parent_return_reason_id" })
  parent_return_reason?: ReturnReason;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @Column({ type: "datetime", nullable: true })
  deleted_at: Date | null;
}
