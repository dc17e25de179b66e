import { responses, withValidation, type KioskResponse } from "kiosk";
import type GiftCardService from "../../../../services/gift-card";
import { updateGiftCard } from "../validators";
import { giftCardResponse } from "../../../schemas";

export const GET = withValidation({ response: giftCardResponse }, async (req, res: KioskResponse) => {
  res.json({ gift_card: await req.scope.resolve<GiftCardService>("giftCardService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateGiftCard, response: giftCardResponse }, async (req, res: KioskResponse) => {
  res.json({ gift_card: await req.scope.resolve<GiftCardService>("giftCardService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<GiftCardService>("giftCardService").delete(req.params.id);
  res.json({ id: req.params.id, object: "gift-card", deleted: true });
});
