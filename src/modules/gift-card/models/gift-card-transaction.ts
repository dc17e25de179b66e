import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { GiftCard } from "./gift-card";

/**
 * What one order took from a gift card's balance (Medusa v1's
 * `GiftCardTransaction`): written once, in the order's transaction, and never
 * changed; one per card and order. `order_id` points into the order module:
 * indexed, no foreign key.
 */
@Entity("gift_card_transaction")
@Index("IDX_gift_card_transaction_card_order", ["gift_card_id", "order_id"], { unique: true })
export class GiftCardTransaction extends KioskEntity {
  static idPrefix = "gct";

  @Column({ type: "varchar" })
  gift_card_id: string;

  @ManyToOne("GiftCard")
  @JoinColumn({ name: "gift_card_id" })
  gift_card?: GiftCard;

  @Index()
  @Column({ type: "varchar" })
  order_id: string;

  @MoneyColumn()
  amount: number;

  @Column({ type: "boolean", default: false })
  is_taxable: boolean;

  @Column({ type: "real", nullable: true })
  tax_rate: number | null;
}
