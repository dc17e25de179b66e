import { customFieldsFilterShape, customFieldsShape, listQuery, metadata, money, retrieveQuery, stringList, z } from "kiosk";
import { PRODUCT_STATUSES } from "../../../models/product";
import { currencyCode, handle, id, idList, int32, queryBoolean } from "../../../lib/zod-params";

const label = (max = 200) => z.string().max(max).nullable().optional();
const size = int32.nullable().optional();
const url = z.string().min(1).max(2000);

/** A price: an amount in minor units, in a currency or for a region. */
export const price = z
  .strictObject({
    amount: money,
    currency_code: currencyCode.optional(),
    region_id: id.optional(),
    min_quantity: int32.min(1).nullable().optional(),
    max_quantity: int32.min(1).nullable().optional(),
  })
  .refine((p) => p.currency_code || p.region_id, { message: "a price needs a currency_code or a region_id", path: ["currency_code"] });

/** A variant's value for one option, by option id or by position. */
export const optionValue = z.strictObject({ value: z.string().min(1).max(200), option_id: id.optional() });

/** The variant columns a client may set. */
export const variantFields = {
  title: z.string().min(1).max(500),
  sku: z.string().min(1).max(200).nullable().optional(),
  barcode: label(),
  ean: label(),
  upc: label(),
  inventory_quantity: int32.optional(),
  allow_backorder: z.boolean().optional(),
  manage_inventory: z.boolean().optional(),
  variant_rank: int32.optional(),
  hs_code: label(),
  origin_country: label(),
  mid_code: label(),
  material: label(),
  weight: size,
  length: size,
  height: size,
  width: size,
  metadata,
  ...customFieldsShape("product_variant", "admin"),
  prices: z.array(price).max(100).optional(),
  options: z.array(optionValue).max(20).optional(),
};

export const createVariant = z.strictObject(variantFields);

const productFields = {
  title: z.string().min(1).max(500),
  subtitle: label(500),
  description: z.string().max(20_000).nullable().optional(),
  handle: handle.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  thumbnail: url.nullable().optional(),
  images: z.array(url).max(50).optional(),
  collection_id: id.nullable().optional(),
  discountable: z.boolean().optional(),
  tags: z
    .array(
      z
        .strictObject({ id: id.optional(), value: z.string().min(1).max(200).optional() })
        .refine((t) => t.id || t.value, { message: "a tag needs an id or a value" }),
    )
    .max(100)
    .optional(),
  categories: z.array(z.strictObject({ id })).max(100).optional(),
  sales_channels: z.array(z.strictObject({ id })).max(100).optional(),
  /** Upserted by value, as in Medusa; `null` takes it away. */
  type: z.strictObject({ id: id.optional(), value: z.string().min(1).max(200) }).nullable().optional(),
  weight: size,
  length: size,
  height: size,
  width: size,
  hs_code: label(),
  origin_country: label(),
  mid_code: label(),
  material: label(),
  metadata,
  ...customFieldsShape("product", "admin"),
};

export const createProduct = z.strictObject({
  ...productFields,
  is_giftcard: z.boolean().optional(),
  options: z.array(z.strictObject({ title: z.string().min(1).max(200) })).max(20).optional(),
  variants: z.array(createVariant).max(100).optional(),
});

export const updateProduct = z.strictObject(productFields).partial();

/** Filters shared by the store's and the admin's product lists. */
export const productFilters = {
  q: z.string().max(200).optional(),
  id: idList.optional(),
  handle: z.string().max(200).optional(),
  collection_id: idList.optional(),
  tags: idList.optional(),
  category_id: idList.optional(),
  type_id: idList.optional(),
  sales_channel_id: idList.optional(),
  include_category_children: queryBoolean.optional(),
  is_giftcard: queryBoolean.optional(),
  ...customFieldsFilterShape("product"),
};

export const listProducts = listQuery(
  { ...productFilters, status: stringList.pipe(z.array(z.enum(PRODUCT_STATUSES)).min(1).max(4)).optional() },
  50,
  500,
);

export const retrieveProduct = retrieveQuery;

/** One metadata key and its text value (`""` removes the key). */
export const setMetadata = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(200)
    .refine((k) => k !== "__proto__", { message: "this key cannot be used" }),
  value: z.string().max(16_384),
});
