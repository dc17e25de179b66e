import { listEnvelope, requireActorId, withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../services/order-edit";
import { createOrderEdit, listOrderEdits } from "./validators";
import { orderEditList, orderEditResponse } from "../../schemas";

export const GET = withValidation({ query: listOrderEdits, response: orderEditList }, async (req, res: KioskResponse) => {
  const { order_id, q, offset, limit } = req.validatedQuery;
  const [edits, count] = await req.scope.resolve<OrderEditService>("orderEditService").list({ order_id, q }, { offset, limit });
  res.json(listEnvelope("order_edits", edits, count, { offset, limit }));
});

export const POST = withValidation({ body: createOrderEdit, response: orderEditResponse }, async (req, res: KioskResponse) => {
  const userId = requireActorId(req, "user");
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").create(req.validatedBody, userId) });
});
