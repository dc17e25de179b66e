import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import { withLocations } from "../../../lib/channel-locations";
import { createSalesChannel, listSalesChannels } from "./validators";
import { salesChannelList, salesChannelResponse } from "../../schemas";

export const GET = withValidation({ query: listSalesChannels, response: salesChannelList }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand, fields: _fields, ...filters } = req.validatedQuery;
  const [channels, count] = await req.scope.resolve("salesChannelService").list(filters, { offset, limit, order });
  res.json(listEnvelope("sales_channels", await withLocations(req.scope.resolve("stockLocationService"), channels, expand), count, { offset, limit }));
});

export const POST = withValidation({ body: createSalesChannel, response: salesChannelResponse }, async (req, res: KioskResponse) => {
  res.json({ sales_channel: await req.scope.resolve("salesChannelService").create(req.validatedBody) });
});
