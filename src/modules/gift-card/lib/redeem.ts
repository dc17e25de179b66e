import { ConflictError, type CartView, type TransactionContext } from "kiosk";
import { compareText } from "kiosk/internal";
import { insertAll, lockRow } from "kiosk/sql";
import { GiftCard } from "../models/gift-card";
import { GiftCardTransaction } from "../models/gift-card-transaction";
import { isUsable } from "./usability";

const FAR_FUTURE = new Date(Date.UTC(2100, 1, 1)).getTime();

/**
 * Takes what the cart view promised (`gift_card_total`) from its cards, in the
 * order's transaction: each card's row is locked (in id order, so two orders
 * sharing cards never deadlock) and read again, the cards that end first
 * (then the smallest balances) are spent first, as Medusa v1 does; each card
 * used gets one transaction for the order, and a card left with nothing is
 * disabled. When the cards no longer hold what the view promised (another
 * order spent them meanwhile), nothing is taken: a 409
 * `gift_card_balance_changed`, which undoes the completion; the payment was
 * authorized for the rest only, so it cannot cover the difference.
 */
export async function redeemForOrder(tx: TransactionContext, cart: CartView, orderId: string): Promise<void> {
  let left = cart.gift_card_total;
  if (left <= 0) return;
  const ids = [...new Set((cart.gift_cards as { id: string }[]).map((c) => c.id))].sort(compareText);
  const cards: GiftCard[] = [];
  for (const id of ids) {
    const card = await lockRow(tx.manager, GiftCard, id);
    if (card && isUsable(card, cart.region_id)) cards.push(card);
  }
  cards.sort((a, b) => (a.ends_at?.getTime() ?? FAR_FUTURE) - (b.ends_at?.getTime() ?? FAR_FUTURE) || a.balance - b.balance);
  const transactions: GiftCardTransaction[] = [];
  for (const card of cards) {
    if (left <= 0) break;
    const amount = Math.min(card.balance, left);
    const balance = card.balance - amount;
    await tx.manager.update(GiftCard, { id: card.id }, { balance, is_disabled: balance === 0, updated_at: new Date() });
    transactions.push(
      tx.manager.create(GiftCardTransaction, { gift_card_id: card.id, order_id: orderId, amount, is_taxable: !!card.tax_rate, tax_rate: card.tax_rate }),
    );
    left -= amount;
    tx.emit("gift-card.updated", { id: card.id });
  }
  if (left > 0) {
    throw new ConflictError(
      "The cart's gift cards no longer hold what the cart counted on (another order spent them); look at the cart and complete it again",
      "gift_card_balance_changed",
    );
  }
  await insertAll(tx.manager, GiftCardTransaction, transactions);
}
