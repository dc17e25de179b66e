import { responses, withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../../../services/order-edit";

/** Undoes one change of the edit; answers Medusa v1's deletion envelope (`object: "item_change"`). */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  const { id, change_id } = req.params;
  await req.scope.resolve<OrderEditService>("orderEditService").deleteChange(id, change_id);
  res.json({ id: change_id, object: "item_change", deleted: true });
});
