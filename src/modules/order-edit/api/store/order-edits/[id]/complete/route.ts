import { withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../../services/order-edit";
import { storeOrderEditView } from "../../../../../lib/order-edit-view";
import { completeOrderEdit } from "../../validators";
import { storeOrderEditResponse } from "../../../../schemas";
import { viewerOf } from "../../../../../lib/viewer";

/** The customer accepts a requested edit: it is confirmed (see the admin's confirm). */
export const POST = withValidation({ body: completeOrderEdit, response: storeOrderEditResponse }, async (req, res: KioskResponse) => {
  const edit = await req.scope.resolve<OrderEditService>("orderEditService").confirm(req.params.id, viewerOf(req), { fromStore: true });
  res.json({ order_edit: storeOrderEditView(edit) });
});

