import { listQuery, metadata, stringList, z } from "kiosk";

const quantity = z.number().int().min(1).max(2_147_483_647);
const id = z.string().min(1).max(100);
const count = z.coerce.number().int().min(0).max(2_147_483_647);

export const createReservation = z.strictObject({
  line_item_id: id.nullable().optional(),
  location_id: id,
  inventory_item_id: id,
  quantity,
  description: z.string().max(2000).nullable().optional(),
  metadata,
});

export const updateReservation = z.strictObject({
  location_id: id.optional(),
  quantity: quantity.optional(),
  description: z.string().max(2000).nullable().optional(),
  metadata,
});

export const listReservations = listQuery({
  location_id: stringList.optional(),
  inventory_item_id: stringList.optional(),
  line_item_id: stringList.optional(),
  created_by: stringList.optional(),
  quantity: z.strictObject({ lt: count.optional(), gt: count.optional(), lte: count.optional(), gte: count.optional() }).optional(),
});
