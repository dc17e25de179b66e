import { NotFoundError, type TransactionContext } from "kiosk";
import { insertAll } from "kiosk/sql";
import { CartGiftCard } from "../models/cart-gift-card";
import { GiftCard } from "../models/gift-card";
import { normalizeCode } from "./gift-card-code";
import { unusableReason } from "./usability";

/**
 * Replaces the cards applied to a cart with these codes (Medusa v1's
 * `gift_cards` on `POST /store/carts/:id`), in the cart's change: each must
 * exist (404 `gift_card_not_found`) and be able to pay in the cart's region
 * now (400 coded `gift_card_disabled`, `gift_card_expired`,
 * `gift_card_region_mismatch`, `gift_card_used_up`).
 */
export async function replaceCartGiftCards(tx: TransactionContext, cartId: string, regionId: string, codes: string[]): Promise<void> {
  const ids: string[] = [];
  for (const code of [...new Set(codes.map(normalizeCode))]) {
    const card = await tx.manager.findOneBy(GiftCard, { code });
    if (!card || card.deleted_at) throw new NotFoundError(`Gift card with code ${code} was not found`, "gift_card_not_found");
    const reason = unusableReason(card, regionId);
    if (reason) throw reason;
    ids.push(card.id);
  }
  await tx.manager.delete(CartGiftCard, { cart_id: cartId });
  await insertAll(
    tx.manager,
    CartGiftCard,
    ids.map((gift_card_id) => ({ cart_id: cartId, gift_card_id })),
  );
}
