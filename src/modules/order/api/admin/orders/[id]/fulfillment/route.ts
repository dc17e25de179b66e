import { withValidation, type KioskResponse } from "kiosk";
import type FulfillmentService from "../../../../../services/fulfillment";
import { createFulfillment } from "../../validators";
import { orderResponse } from "../../../../schemas";

/** Fulfills units of the order's lines (never more than were ordered), from `location_id` when given: `{ order }`. */
export const POST = withValidation({ body: createFulfillment, response: orderResponse }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<FulfillmentService>("fulfillmentService").create(req.params.id, req.validatedBody) });
});
