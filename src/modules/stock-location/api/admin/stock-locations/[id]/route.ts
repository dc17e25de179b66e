import { responses, retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import { updateStockLocation } from "../validators";
import { stockLocationResponse } from "../../../schemas";
import { services, withChannels } from "../../../../lib/location-channels";

export const GET = withValidation({ query: retrieveQuery, response: stockLocationResponse }, async (req, res: KioskResponse) => {
  const location = await req.scope.resolve("stockLocationService").retrieve(req.params.id);
  res.json({ stock_location: (await withChannels(services(req), [location], req.validatedQuery.expand))[0] });
});

export const POST = withValidation({ body: updateStockLocation, response: stockLocationResponse }, async (req, res: KioskResponse) => {
  res.json({ stock_location: await req.scope.resolve("stockLocationService").update(req.params.id, req.validatedBody) });
});

/** Deletes the location with its channel links, inventory levels and reservations. */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("stockLocationService").delete(req.params.id);
  res.json({ id: req.params.id, object: "stock_location", deleted: true });
});
