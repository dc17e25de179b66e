import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type GiftCardService from "../../../services/gift-card";
import { createGiftCard, listGiftCards } from "./validators";
import { giftCardList, giftCardResponse } from "../../schemas";

/** Gift cards, newest first, searched by code with `q`: `{ gift_cards, count, offset, limit }`. */
export const GET = withValidation({ query: listGiftCards, response: giftCardList }, async (req, res: KioskResponse) => {
  const [cards, count] = await req.scope.resolve<GiftCardService>("giftCardService").list(req.validatedQuery);
  res.json(listEnvelope("gift_cards", cards, count, req.validatedQuery));
});

/** Creates a card with a generated code, its balance its value: `{ gift_card }`. */
export const POST = withValidation({ body: createGiftCard, response: giftCardResponse }, async (req, res: KioskResponse) => {
  res.json({ gift_card: await req.scope.resolve<GiftCardService>("giftCardService").create(req.validatedBody) });
});
