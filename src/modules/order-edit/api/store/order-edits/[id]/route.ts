import { withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../services/order-edit";
import { storeOrderEditView } from "../../../../lib/order-edit-view";
import { storeOrderEditResponse } from "../../../schemas";
import { viewerOf } from "../../../../lib/viewer";


export const GET = withValidation({ response: storeOrderEditResponse }, async (req, res: KioskResponse) => {
  const edit = await req.scope.resolve<OrderEditService>("orderEditService").retrieve(req.params.id, viewerOf(req));
  res.json({ order_edit: storeOrderEditView(edit) });
});
