import { withValidation, type KioskResponse } from "kiosk";
import type OrderEditService from "../../../../../services/order-edit";
import { storeOrderEditView } from "../../../../../lib/order-edit-view";
import { declineOrderEdit } from "../../validators";
import { storeOrderEditResponse } from "../../../../schemas";
import { viewerOf } from "../../../../../lib/viewer";

/** The customer declines a requested edit. */
export const POST = withValidation({ body: declineOrderEdit, response: storeOrderEditResponse }, async (req, res: KioskResponse) => {
  const edit = await req.scope.resolve<OrderEditService>("orderEditService").decline(req.params.id, req.validatedBody, viewerOf(req));
  res.json({ order_edit: storeOrderEditView(edit) });
});
