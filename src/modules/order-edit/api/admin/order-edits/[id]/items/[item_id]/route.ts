import { withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../../../services/order-edit";
import { updateOrderEditItem } from "../../../validators";
import { orderEditResponse } from "../../../../../schemas";

/** Sets the quantity of one of the edit's lines. */
export const POST = withValidation({ body: updateOrderEditItem, response: orderEditResponse }, async (req, res: KioskResponse) => {
  const { id, item_id } = req.params;
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").updateItem(id, item_id, req.validatedBody.quantity) });
});

/** Removes one of the edit's lines. */
export const DELETE = withValidation({ response: orderEditResponse }, async (req, res: KioskResponse) => {
  const { id, item_id } = req.params;
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").removeItem(id, item_id) });
});
