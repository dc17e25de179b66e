import { withValidation, type KioskResponse } from "kiosk";
import type FulfillmentService from "../../../../../../../services/fulfillment";
import { noBody } from "../../../../validators";

/** Cancels a fulfillment that has not shipped: `{ order }`. */
export const POST = withValidation({ body: noBody }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<FulfillmentService>("fulfillmentService");
  res.json({ order: await service.cancel(req.params.id, req.params.fulfillment_id) });
});
