import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;
const amount = z.number().int().min(0);

/** A gift card as the admin sees it: a code worth `value`, `balance` left, in one region (the region module's object). */
export const GiftCard = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    deleted_at: timestamp.nullable(),
    code: z.string(),
    value: amount,
    balance: amount,
    region_id: z.string(),
    region: responses.reference.nullable(),
    order_id: z.string().nullable(),
    is_disabled: z.boolean(),
    ends_at: timestamp.nullable(),
    tax_rate: z.number().nullable(),
    metadata,
  })
  .meta({ id: "GiftCard" });

/** What a shopper may see of a card, by its code. */
export const StoreGiftCard = z
  .looseObject({ id: z.string(), code: z.string(), value: amount, balance: amount, region: responses.reference.nullable(), ends_at: timestamp.nullable() })
  .meta({ id: "StoreGiftCard" });

export const giftCardResponse = z.looseObject({ gift_card: GiftCard });
export const giftCardList = responses.list("gift_cards", GiftCard);
export const storeGiftCardResponse = z.looseObject({ gift_card: StoreGiftCard });
