import { withValidation, type KioskResponse } from "kiosk";
import type FulfillmentService from "../../../../../services/fulfillment";
import { createFulfillment } from "../../validators";
import { orderResponse } from "../../../../schemas";

/** Fulfills units of the order's lines (never more than were ordered): `{ order }`. */
export const POST = withValidation({ body: createFulfillment, response: orderResponse }, async (req, res: KioskResponse) => {
  const { location_id: _l, ...input } = req.validatedBody;
  res.json({ order: await req.scope.resolve<FulfillmentService>("fulfillmentService").create(req.params.id, input) });
});
