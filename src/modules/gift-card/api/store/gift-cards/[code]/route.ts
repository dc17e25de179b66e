import { withValidation, type KioskResponse } from "kiosk";
import type GiftCardService from "../../../../services/gift-card";
import { storeGiftCardResponse } from "../../../schemas";

/** A card by its code, for the storefront to show before applying it: `{ gift_card }` (404 when unknown or disabled). */
export const GET = withValidation({ response: storeGiftCardResponse }, async (req, res: KioskResponse) => {
  res.json({ gift_card: await req.scope.resolve<GiftCardService>("giftCardService").retrieveByCode(req.params.code) });
});
