import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import type { GiftCard } from "./gift-card";

/**
 * A gift card applied to a cart. Owned here, since this module owns the
 * relation; carts belong to the cart module: no foreign key to them.
 */
@Entity("cart_gift_cards")
export class CartGiftCard {
  @PrimaryColumn({ type: "varchar" })
  cart_id: string;

  @Index()
  @PrimaryColumn({ type: "varchar" })
  gift_card_id: string;

  @ManyToOne("GiftCard", { onDelete: "CASCADE" })
  @JoinColumn({ name: "gift_card_id" })
  gift_card?: GiftCard;
}
