import { withValidation, type KioskResponse } from "kiosk";
import { createLevel, listLevels } from "../../validators";
import { inventoryItemResponse, locationLevelsResponse } from "../../../../schemas";

/** `{ inventory_item: { id, location_levels } }`, filtered by `location_id`. */
export const GET = withValidation({ query: listLevels, response: locationLevelsResponse }, async (req, res: KioskResponse) => {
  const levels = await req.scope.resolve("inventoryService").listLevels(req.params.id, req.validatedQuery.location_id);
  res.json({ inventory_item: { id: req.params.id, location_levels: levels } });
});

/** Stocks the item at a location: `{ location_id, stocked_quantity, incoming_quantity? }` -> `{ inventory_item }`. */
export const POST = withValidation({ body: createLevel, response: inventoryItemResponse }, async (req, res: KioskResponse) => {
  const { location_id, ...input } = req.validatedBody;
  res.json({ inventory_item: await req.scope.resolve("inventoryService").createLevel(req.params.id, location_id, input) });
});
