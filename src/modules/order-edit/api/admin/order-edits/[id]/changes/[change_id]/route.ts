import { withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../../../services/order-edit";
import { orderEditResponse } from "../../../../../schemas";

/** Undoes one change of the edit. */
export const DELETE = withValidation({ response: orderEditResponse }, async (req, res: KioskResponse) => {
  const { id, change_id } = req.params;
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").deleteChange(id, change_id) });
});
