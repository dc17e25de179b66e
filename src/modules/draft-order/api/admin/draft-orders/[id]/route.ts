import { responses, withValidation, type KioskResponse } from "kiosk";
import type DraftOrderService from "../../../../services/draft-order";
import { updateDraftOrder } from "../validators";
import { draftOrderResponse } from "../../../schemas";

export const GET = withValidation({ response: draftOrderResponse }, async (req, res: KioskResponse) => {
  res.json({ draft_order: await req.scope.resolve<DraftOrderService>("draftOrderService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateDraftOrder, response: draftOrderResponse }, async (req, res: KioskResponse) => {
  res.json({ draft_order: await req.scope.resolve<DraftOrderService>("draftOrderService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<DraftOrderService>("draftOrderService").delete(req.params.id);
  res.json({ id: req.params.id, object: "draft-order", deleted: true });
});
