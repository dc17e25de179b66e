import { withValidation, type KioskResponse } from "kiosk";
import type FulfillmentService from "../../../../../../../services/fulfillment";
import { noBody } from "../../../../validators";
import { orderResponse } from "../../../../../../schemas";

/** Cancels a fulfillment that has not shipped: `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<FulfillmentService>("fulfillmentService");
  res.json({ order: await service.cancel(req.params.id, req.params.fulfillment_id) });
});
