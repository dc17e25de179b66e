import { withValidation, type KioskResponse } from "kiosk";
import type DraftOrderService from "../../../../../services/draft-order";
import { draftLineItem } from "../../validators";
import { draftOrderResponse } from "../../../../schemas";

/** Adds a line (a variant, at a custom price when given, or a custom line): `{ draft_order }`. */
export const POST = withValidation({ body: draftLineItem, response: draftOrderResponse }, async (req, res: KioskResponse) => {
  res.json({ draft_order: await req.scope.resolve<DraftOrderService>("draftOrderService").addLineItem(req.params.id, req.validatedBody) });
});
