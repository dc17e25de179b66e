import { withValidation, type KioskResponse } from "kiosk";
import type DraftOrderService from "../../../../../../services/draft-order";
import { updateDraftLineItem } from "../../../validators";
import { draftOrderResponse } from "../../../../../schemas";

/** Changes a line's quantity (0 removes it), price, title or metadata: `{ draft_order }`. */
export const POST = withValidation({ body: updateDraftLineItem, response: draftOrderResponse }, async (req, res: KioskResponse) => {
  const drafts = req.scope.resolve<DraftOrderService>("draftOrderService");
  res.json({ draft_order: await drafts.updateLineItem(req.params.id, req.params.line_id, req.validatedBody) });
});

export const DELETE = withValidation({ response: draftOrderResponse }, async (req, res: KioskResponse) => {
  const drafts = req.scope.resolve<DraftOrderService>("draftOrderService");
  res.json({ draft_order: await drafts.removeLineItem(req.params.id, req.params.line_id) });
});
