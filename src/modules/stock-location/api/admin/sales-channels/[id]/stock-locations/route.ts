import { responses, withValidation, z, type KioskResponse } from "kiosk";

const locationBody = z.strictObject({ location_id: z.string().min(1).max(100) });

/** Links a stock location to the channel: `{ location_id }` -> `{ sales_channel }` (with its `locations`). */
export const POST = withValidation({ body: locationBody, response: z.looseObject({ sales_channel: responses.reference }) }, async (req, res: KioskResponse) => {
  const locations = req.scope.resolve("stockLocationService");
  await locations.addToChannel(req.params.id, req.validatedBody.location_id);
  const channel = await req.scope.resolve("salesChannelService").retrieve(req.params.id);
  res.json({ sales_channel: { ...channel, locations: await locations.linksOfChannels([channel.id]) } });
});

/** Unlinks a stock location from the channel: `{ location_id }` -> `{ id, object: "stock-location", deleted: true }`. */
export const DELETE = withValidation({ body: locationBody, response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("stockLocationService").removeFromChannel(req.params.id, req.validatedBody.location_id);
  res.json({ id: req.validatedBody.location_id, object: "stock-location", deleted: true });
});
