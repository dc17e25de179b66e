import { responses, withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../services/order-edit";
import { updateOrderEdit } from "../validators";
import { orderEditResponse } from "../../../schemas";

export const GET = withValidation({ response: orderEditResponse }, async (req, res: KioskResponse) => {
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateOrderEdit, response: orderEditResponse }, async (req, res: KioskResponse) => {
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<OrderEditService>("orderEditService").delete(req.params.id);
  res.json({ id: req.params.id, object: "order_edit", deleted: true });
});
