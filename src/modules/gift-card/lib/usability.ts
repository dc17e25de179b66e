import { InvalidDataError } from "kiosk";
import type { GiftCard } from "../models/gift-card";

type Card = Pick<GiftCard, "code" | "is_disabled" | "ends_at" | "balance" | "region_id" | "deleted_at">;

/** Why a card cannot pay in `regionId` now (a 400 with its own code), or null when it can. */
export function unusableReason(card: Card, regionId: string, now = new Date()): InvalidDataError | null {
  const refuse = (message: string, code: string) => new InvalidDataError(message, { code, field: "gift_cards" });
  if (card.deleted_at || card.is_disabled) return refuse(`The gift card ${card.code} is disabled`, "gift_card_disabled");
  if (card.ends_at && card.ends_at.getTime() <= now.getTime()) return refuse(`The gift card ${card.code} has expired`, "gift_card_expired");
  if (card.region_id !== regionId) return refuse(`The gift card ${card.code} cannot be used in the cart's region`, "gift_card_region_mismatch");
  if (card.balance <= 0) return refuse(`The gift card ${card.code} has no balance left`, "gift_card_used_up");
  return null;
}

/** Whether a card can pay in `regionId` now. */
export function isUsable(card: Card, regionId: string, now = new Date()): boolean {
  return unusableReason(card, regionId, now) === null;
}
