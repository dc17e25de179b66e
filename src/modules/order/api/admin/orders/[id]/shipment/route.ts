import { withValidation, type KioskResponse } from "kiosk";
import type FulfillmentService from "../../../../../services/fulfillment";
import { createShipment } from "../../validators";
import { orderResponse } from "../../../../schemas";

/** Marks a fulfillment shipped, with tracking numbers: `{ order }`. */
export const POST = withValidation({ body: createShipment, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<FulfillmentService>("fulfillmentService").createShipment(req.params.id, req.validatedBody) });
});
