import { withValidation, type KioskResponse } from "kiosk";
import { updateLevel } from "../../../validators";
import { inventoryItemResponse } from "../../../../../schemas";

/** Sets the level's stocked and incoming quantities -> `{ inventory_item }`. */
export const POST = withValidation({ body: updateLevel, response: inventoryItemResponse }, async (req, res: KioskResponse) => {
  res.json({ inventory_item: await req.scope.resolve("inventoryService").updateLevel(req.params.id, req.params.location_id, req.validatedBody) });
});

/** Removes the level (422 `level_has_reservations` while it holds reservations) -> `{ inventory_item }`. */
export const DELETE = withValidation({ response: inventoryItemResponse }, async (req, res: KioskResponse) => {
  res.json({ inventory_item: await req.scope.resolve("inventoryService").deleteLevel(req.params.id, req.params.location_id) });
});
