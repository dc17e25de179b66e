import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import { createInventoryItem, listInventoryItems } from "./validators";
import { inventoryItemList, inventoryItemResponse } from "../../schemas";

export const GET = withValidation({ query: listInventoryItems, response: inventoryItemList }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand: _expand, fields: _fields, ...filters } = req.validatedQuery;
  const [items, count] = await req.scope.resolve("inventoryService").list(filters, { offset, limit, order });
  res.json(listEnvelope("inventory_items", items, count, { offset, limit }));
});

export const POST = withValidation({ body: createInventoryItem, response: inventoryItemResponse }, async (req, res: KioskResponse) => {
  res.json({ inventory_item: await req.scope.resolve("inventoryService").create(req.validatedBody) });
});
