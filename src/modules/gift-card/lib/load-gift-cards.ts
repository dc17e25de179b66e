import type { EntityManager, KioskServices } from "kiosk";
import { JsonBatch, sql } from "kiosk/sql";
import { GiftCard } from "../models/gift-card";
import { giftCardView, type GiftCardView } from "./gift-card-view";

/** Cards (not deleted) by id with their regions, in ONE statement, in the order of `ids`; unknown ids are left out. */
export async function loadGiftCards(cradle: KioskServices, manager: EntityManager, ids: string[]): Promise<GiftCardView[]> {
  if (!ids.length) return [];
  const batch = new JsonBatch(manager);
  const list = sql.list(ids);
  const cards = batch.rows<GiftCard>(GiftCard, sql`t."id" IN (${list}) AND t."deleted_at" IS NULL`);
  const regions = cradle.regionService.readRegions(batch, sql`SELECT g."region_id" FROM "gift_card" g WHERE g."id" IN (${list})`);
  await batch.run();
  const byId = new Map(cards.rows.map((c) => [c.id, c]));
  const regionById = new Map(regions().map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const card = byId.get(id);
    return card ? [giftCardView(card, regionById.get(card.region_id) ?? null)] : [];
  });
}
