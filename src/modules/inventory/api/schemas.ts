import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;
const nullableText = z.string().nullable();
const nullableInt = z.number().int().nullable();

/** An item's stock at one location; `available_quantity` is stocked minus reserved. */
export const InventoryLevel = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    inventory_item_id: z.string(),
    location_id: z.string(),
    stocked_quantity: z.number().int(),
    reserved_quantity: z.number().int(),
    incoming_quantity: z.number().int(),
    available_quantity: z.number().int(),
    metadata,
  })
  .meta({ id: "InventoryLevel" });

/** A stock-keeping unit of one variant, with its levels. */
export const InventoryItem = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    variant_id: z.string(),
    sku: nullableText,
    origin_country: nullableText,
    hs_code: nullableText,
    mid_code: nullableText,
    material: nullableText,
    weight: nullableInt,
    length: nullableInt,
    height: nullableInt,
    width: nullableInt,
    title: nullableText,
    description: nullableText,
    thumbnail: nullableText,
    requires_shipping: z.boolean(),
    metadata,
    location_levels: z.array(InventoryLevel),
    stocked_quantity: z.number().int(),
    reserved_quantity: z.number().int(),
    variants: z.array(responses.reference),
  })
  .meta({ id: "InventoryItem" });

/** Units of an item held at a location, for a line item or by hand. */
export const ReservationItem = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    inventory_item_id: z.string(),
    location_id: z.string(),
    line_item_id: nullableText,
    quantity: z.number().int(),
    description: nullableText,
    created_by: nullableText,
    external_id: nullableText,
    metadata,
  })
  .meta({ id: "ReservationItem" });

export const inventoryItemResponse = z.looseObject({ inventory_item: InventoryItem });
export const inventoryItemList = responses.list("inventory_items", InventoryItem);
export const locationLevelsResponse = z.looseObject({ inventory_item: z.looseObject({ id: z.string(), location_levels: z.array(InventoryLevel) }) });
export const reservationResponse = z.looseObject({ reservation: ReservationItem });
export const reservationList = responses.list("reservations", ReservationItem);
export const variantInventoryResponse = z.looseObject({
  variant: z.looseObject({
    id: z.string(),
    inventory: z.array(InventoryItem),
    sales_channel_availability: z.array(z.looseObject({ channel_name: z.string(), channel_id: z.string(), available_quantity: z.number().int() })),
  }),
});
