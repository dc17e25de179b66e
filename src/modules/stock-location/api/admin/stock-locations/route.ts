import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import { createStockLocation, listStockLocations } from "./validators";
import { stockLocationList, stockLocationResponse } from "../../schemas";
import { services, withChannels } from "../../../lib/location-channels";

export const GET = withValidation({ query: listStockLocations, response: stockLocationList }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand, fields: _fields, ...filters } = req.validatedQuery;
  const [locations, count] = await req.scope.resolve("stockLocationService").list(filters, { offset, limit, order });
  res.json(listEnvelope("stock_locations", await withChannels(services(req), locations, expand), count, { offset, limit }));
});

export const POST = withValidation({ body: createStockLocation, response: stockLocationResponse }, async (req, res: KioskResponse) => {
  res.json({ stock_location: await req.scope.resolve("stockLocationService").create(req.validatedBody) });
});
