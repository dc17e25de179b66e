import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import { createStockLocation, listStockLocations } from "./validators";
import { stockLocationList, stockLocationResponse } from "../../schemas";

export const GET = withValidation({ query: listStockLocations, response: stockLocationList }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand: _expand, fields: _fields, ...filters } = req.validatedQuery;
  const [locations, count] = await req.scope.resolve("stockLocationService").list(filters, { offset, limit, order });
  res.json(listEnvelope("stock_locations", locations, count, { offset, limit }));
});

export const POST = withValidation({ body: createStockLocation, response: stockLocationResponse }, async (req, res: KioskResponse) => {
  res.json({ stock_location: await req.scope.resolve("stockLocationService").create(req.validatedBody) });
});
