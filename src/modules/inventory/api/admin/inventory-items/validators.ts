import { countryCode, listQuery, metadata, stringList, z } from "kiosk";

const text = z.string().max(200).nullable().optional();
const size = z.number().int().min(0).max(2_147_483_647).nullable().optional();
const quantity = z.number().int().min(0).max(2_147_483_647);

const itemFields = {
  sku: text,
  origin_country: countryCode.nullable().optional(),
  hs_code: text,
  mid_code: text,
  material: text,
  weight: size,
  length: size,
  height: size,
  width: size,
  title: text,
  description: z.string().max(2000).nullable().optional(),
  thumbnail: z.string().max(2000).nullable().optional(),
  requires_shipping: z.boolean().optional(),
  metadata,
};

export const createInventoryItem = z.strictObject({ variant_id: z.string().min(1).max(100), ...itemFields });
export const updateInventoryItem = z.strictObject(itemFields);

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

export const listInventoryItems = listQuery({
  id: stringList.optional(),
  sku: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  location_id: stringList.optional(),
  variant_id: stringList.optional(),
  requires_shipping: bool.optional(),
});

export const createLevel = z.strictObject({ location_id: z.string().min(1).max(100), stocked_quantity: quantity, incoming_quantity: quantity.optional() });
export const updateLevel = z.strictObject({ stocked_quantity: quantity.optional(), incoming_quantity: quantity.optional() });
export const listLevels = z.strictObject({ location_id: stringList.optional(), expand: z.string().max(500).optional(), fields: z.string().max(500).optional() });
