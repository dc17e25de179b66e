import type { Region } from "kiosk";
import type { GiftCard } from "../models/gift-card";

/** A gift card's row, as other modules' views show it (a cart's `gift_cards`, an order's). */
export type GiftCardRow = Omit<GiftCard, "beforeInsertKiosk" | "beforeUpdateKiosk">;

/** Medusa v1's admin `GiftCard`: its columns with its region. */
export type GiftCardView = GiftCardRow & { region: Region | null };

/** The admin object of a card, given its region. */
export function giftCardView(card: GiftCardRow, region: Region | null): GiftCardView {
  return { ...card, region };
}

/** Medusa v1's store `GiftCard` (`GET /store/gift-cards/:code`): what a shopper may see of a card. */
export function storeGiftCardView(card: GiftCardRow, region: Region | null) {
  const { id, code, value, balance, ends_at } = card;
  return { id, code, value, balance, region, ends_at };
}
