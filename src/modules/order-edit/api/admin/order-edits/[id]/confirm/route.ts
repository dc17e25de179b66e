import { requireActorId, withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../../services/order-edit";
import { noInput } from "../../validators";
import { orderEditResponse } from "../../../../schemas";

/** Confirms the edit: the order gets its lines, stock moves once. */
export const POST = withValidation({ body: noInput, response: orderEditResponse }, async (req, res: KioskResponse) => {
  const userId = requireActorId(req, "user");
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").confirm(req.params.id, userId, { fromStore: false }) });
});
