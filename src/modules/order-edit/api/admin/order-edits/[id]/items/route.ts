import { withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../../services/order-edit";
import { addOrderEditItem } from "../../validators";
import { orderEditResponse } from "../../../../schemas";

/** Adds a line of a variant to the edit (an `item_add` change). */
export const POST = withValidation({ body: addOrderEditItem, response: orderEditResponse }, async (req, res: KioskResponse) => {
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").addItem(req.params.id, req.validatedBody) });
});
