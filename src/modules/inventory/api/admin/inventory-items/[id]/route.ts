import { responses, retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import { updateInventoryItem } from "../validators";
import { inventoryItemResponse } from "../../../schemas";

export const GET = withValidation({ query: retrieveQuery, response: inventoryItemResponse }, async (req, res: KioskResponse) => {
  res.json({ inventory_item: await req.scope.resolve("inventoryService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateInventoryItem, response: inventoryItemResponse }, async (req, res: KioskResponse) => {
  res.json({ inventory_item: await req.scope.resolve("inventoryService").update(req.params.id, req.validatedBody) });
});

/** Deletes the item with its levels and reservations. */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("inventoryService").delete(req.params.id);
  res.json({ id: req.params.id, object: "inventory_item", deleted: true });
});
