import { Check, Column, Entity, Index, KioskEntity, MoneyColumn } from "kiosk";

/**
 * A gift card, as Medusa v1 keeps it: a unique `code` worth `value`, of which
 * `balance` is left, spendable in one region until `ends_at`. Cards bought in
 * an order point to it (`order_id`). `region_id` and `order_id` point into other
 * modules: indexed, no foreign key. Deleting one only sets `deleted_at`.
 */
@Entity("gift_card")
@Check("CHK_gift_card_balance", `"balance" >= 0`)
export class GiftCard extends KioskEntity {
  static idPrefix = "gift";

  @Column({ type: "varchar", unique: true })
  code: string;

  @MoneyColumn()
  value: number;

  @MoneyColumn()
  balance: number;

  @Index()
  @Column({ type: "varchar" })
  region_id: string;

  @Index()
  @Column({ type: "varchar", nullable: true })
  order_id: string | null;

  @Column({ type: "boolean", default: false })
  is_disabled: boolean;

  @Column({ type: "datetime", nullable: true })
  ends_at: Date | null;

  /** A percentage when the card is taxable; null (Kiosk's cards are not taxable). */
  @Column({ type: "real", nullable: true })
  tax_rate: number | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @Column({ type: "datetime", nullable: true })
  deleted_at: Date | null;
}
