import { responses, retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import { withLocations } from "../../../../lib/channel-locations";
import { updateSalesChannel } from "../validators";
import { salesChannelResponse } from "../../../schemas";

/** `?expand=locations` adds the channel's stock location links (`{ id, sales_channel_id, location_id }`). */
export const GET = withValidation({ query: retrieveQuery, response: salesChannelResponse }, async (req, res: KioskResponse) => {
  const channel = await req.scope.resolve("salesChannelService").retrieve(req.params.id);
  res.json({ sales_channel: (await withLocations(req.scope.resolve("stockLocationService"), [channel], req.validatedQuery.expand))[0] });
});

export const POST = withValidation({ body: updateSalesChannel, response: salesChannelResponse }, async (req, res: KioskResponse) => {
  res.json({ sales_channel: await req.scope.resolve("salesChannelService").update(req.params.id, req.validatedBody) });
});

/** Soft-deletes the channel (the default one cannot be deleted: 422 `default_sales_channel`). */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("salesChannelService").delete(req.params.id);
  res.json({ id: req.params.id, object: "sales-channel", deleted: true });
});
