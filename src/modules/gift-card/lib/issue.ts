import type { CartView, TransactionContext } from "kiosk";
import { insertAll } from "kiosk/sql";
import { GiftCard } from "../models/gift-card";
import { generateGiftCardCode } from "./gift-card-code";

/**
 * Issues the gift cards an order bought, in the order's transaction (Medusa
 * v1's `createGiftCardsFromLineItem_`): one card per unit of each gift card
 * line, worth the line's unit price (before tax), in the order's region,
 * pointing to the order, with the line's metadata. A line priced 0 issues none.
 */
export async function issueForOrder(tx: TransactionContext, cart: CartView, orderId: string): Promise<void> {
  const cards: GiftCard[] = [];
  for (const line of cart.items) {
    if (!line.is_giftcard || line.unit_price <= 0) continue;
    for (let unit = 0; unit < line.quantity; unit++) {
      cards.push(
        tx.manager.create(GiftCard, {
          code: generateGiftCardCode(),
          value: line.unit_price,
          balance: line.unit_price,
          region_id: cart.region_id,
          order_id: orderId,
          is_disabled: false,
          ends_at: null,
          tax_rate: null,
          metadata: line.metadata ?? null,
          deleted_at: null,
        }),
      );
    }
  }
  await insertAll(tx.manager, GiftCard, cards);
  for (const card of cards) tx.emit("gift-card.created", { id: card.id });
}
