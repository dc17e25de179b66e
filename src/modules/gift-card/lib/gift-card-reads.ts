import { byCreation, groupBy } from "kiosk/internal";
import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { CartGiftCard } from "../models/cart-gift-card";
import { GiftCard } from "../models/gift-card";
import { GiftCardTransaction } from "../models/gift-card-transaction";

/**
 * Read part (see `JsonBatch`): the cards applied to the carts picked by
 * `cartIds` (a subquery or list over the caller's own table), not deleted,
 * by cart id. Whether a card can still pay (region, expiry, balance) is the
 * caller's to ask (`giftCardService.isUsable`).
 */
export function readCartParts(batch: JsonBatch, cartIds: Sql): () => Map<string, GiftCard[]> {
  return batch.whenAny(sql`SELECT 1 FROM "cart_gift_cards" l WHERE l."cart_id" IN (${cartIds})`, () => addCartParts(batch, cartIds));
}

function addCartParts(batch: JsonBatch, cartIds: Sql): () => Map<string, GiftCard[]> {
  const links = batch.rows<CartGiftCard>(CartGiftCard, sql`t."cart_id" IN (${cartIds})`);
  const cards = batch.rows<GiftCard>(
    GiftCard,
    sql`t."id" IN (SELECT l."gift_card_id" FROM "cart_gift_cards" l WHERE l."cart_id" IN (${cartIds})) AND t."deleted_at" IS NULL`,
  );
  return () => {
    const byId = new Map(cards.rows.map((c) => [c.id, c]));
    const result = new Map<string, GiftCard[]>();
    for (const [cartId, rows] of groupBy(links.rows, (l) => l.cart_id)) {
      result.set(cartId, rows.map((l) => byId.get(l.gift_card_id)).filter((c): c is GiftCard => !!c));
    }
    return result;
  };
}

/** What orders took from gift cards: their transactions and the cards, by order id. */
export interface OrderGiftCards {
  transactions: GiftCardTransaction[];
  cards: GiftCard[];
}

/** Read part: the gift card transactions of the orders picked by `orderIds`, with their cards (deleted ones too). */
export function readOrderParts(batch: JsonBatch, orderIds: Sql): () => Map<string, OrderGiftCards> {
  return batch.whenAny(sql`SELECT 1 FROM "gift_card_transaction" x WHERE x."order_id" IN (${orderIds})`, () => addOrderParts(batch, orderIds));
}

function addOrderParts(batch: JsonBatch, orderIds: Sql): () => Map<string, OrderGiftCards> {
  const transactions = batch.rows<GiftCardTransaction>(GiftCardTransaction, sql`t."order_id" IN (${orderIds})`);
  const cards = batch.rows<GiftCard>(
    GiftCard,
    sql`t."id" IN (SELECT x."gift_card_id" FROM "gift_card_transaction" x WHERE x."order_id" IN (${orderIds}))`,
  );
  return () => {
    const byId = new Map(cards.rows.map((c) => [c.id, c]));
    const result = new Map<string, OrderGiftCards>();
    for (const [orderId, rows] of groupBy(transactions.rows, (t) => t.order_id)) {
      const sorted = [...rows].sort(byCreation);
      const used = [...new Set(sorted.map((t) => t.gift_card_id))].map((id) => byId.get(id)).filter((c): c is GiftCard => !!c);
      result.set(orderId, { transactions: sorted, cards: used });
    }
    return result;
  };
}
