import { responses, z } from "kiosk";

const { timestamp } = responses;
const quantity = z.number().int().nullable();

/** A price of a price list (Medusa v1's money amount with a `price_list_id`). */
export const PriceListPrice = z
  .looseObject({
    id: z.string(),
    price_list_id: z.string(),
    variant_id: z.string(),
    currency_code: z.string(),
    region_id: z.string().nullable(),
    amount: z.number().int(),
    min_quantity: quantity,
    max_quantity: quantity,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "PriceListPrice" });

export const PriceList = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    type: z.enum(["sale", "override"]),
    status: z.enum(["active", "draft"]),
    starts_at: timestamp.nullable(),
    ends_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    deleted_at: timestamp.nullable(),
    prices: z.array(PriceListPrice),
    customer_groups: z.array(responses.reference),
  })
  .meta({ id: "PriceList" });

export const priceListResponse = z.looseObject({ price_list: PriceList });
export const priceListList = responses.list("price_lists", PriceList);
/** A deletion of prices: `{ ids, object: "money-amount", deleted: true }`. */
export const pricesDeleted = z.looseObject({ ids: z.array(z.string()), object: z.literal("money-amount"), deleted: z.literal(true) });
/** The products a list has prices for, as the admin's product list answers them. */
export const priceListProducts = responses.list("products", responses.reference);
