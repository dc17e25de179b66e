import { requireActorId, withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../../services/order-edit";
import { noInput } from "../../validators";
import { orderEditResponse } from "../../../../schemas";

/** Cancels the edit. */
export const POST = withValidation({ body: noInput, response: orderEditResponse }, async (req, res: KioskResponse) => {
  const userId = requireActorId(req, "user");
  res.json({ order_edit: await req.scope.resolve<OrderEditService>("orderEditService").cancel(req.params.id, userId) });
});
