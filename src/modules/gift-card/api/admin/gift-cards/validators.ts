import { isoDate, listQuery, metadata, money, z } from "kiosk";

const id = z.string().min(1).max(100);

/** The body of `POST /admin/gift-cards`, as Medusa v1's `AdminPostGiftCardsReq` (the code is generated). */
export const createGiftCard = z.strictObject({
  value: money,
  region_id: id,
  ends_at: isoDate.nullable().optional(),
  is_disabled: z.boolean().optional(),
  metadata,
});

/** The body of `POST /admin/gift-cards/:id`, as Medusa v1's `AdminPostGiftCardsGiftCardReq` (the balance at most the value). */
export const updateGiftCard = z.strictObject({
  balance: money.optional(),
  region_id: id.optional(),
  ends_at: isoDate.nullable().optional(),
  is_disabled: z.boolean().optional(),
  metadata,
});

export const listGiftCards = listQuery({ q: z.string().max(100).optional() }, 50);
