import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type DraftOrderService from "../../../services/draft-order";
import { createDraftOrder, listDraftOrders } from "./validators";
import { draftOrderList, draftOrderResponse } from "../../schemas";

/** Draft orders, newest first: `{ draft_orders, count, offset, limit }`. */
export const GET = withValidation({ query: listDraftOrders, response: draftOrderList }, async (req, res: KioskResponse) => {
  const { q, offset, limit } = req.validatedQuery;
  const [drafts, count] = await req.scope.resolve<DraftOrderService>("draftOrderService").list({ q }, { offset, limit });
  res.json(listEnvelope("draft_orders", drafts, count, req.validatedQuery));
});

export const POST = withValidation({ body: createDraftOrder, response: draftOrderResponse }, async (req, res: KioskResponse) => {
  res.json({ draft_order: await req.scope.resolve<DraftOrderService>("draftOrderService").create(req.validatedBody) });
});
