import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;
const text = z.string().nullable();
const number = z.number().nullable();
const row = { id: z.string(), created_at: timestamp, updated_at: timestamp };

/** A price of a variant, in the currency's minor unit. */
export const MoneyAmount = z
  .looseObject({ ...row, currency_code: z.string(), amount: z.number().int(), min_quantity: number, max_quantity: number, region_id: text, variant_id: z.string() })
  .meta({ id: "MoneyAmount" });

export const ProductOptionValue = z
  .looseObject({ ...row, value: z.string(), option_id: z.string(), variant_id: z.string(), metadata })
  .meta({ id: "ProductOptionValue" });

export const ProductOption = z
  .looseObject({ ...row, title: z.string(), product_id: z.string(), metadata, values: z.array(ProductOptionValue).optional() })
  .meta({ id: "ProductOption" });

const dimensions = { hs_code: text, origin_country: text, mid_code: text, material: text, weight: number, length: number, height: number, width: number };

/** A variant; in the Store API with its `calculated_price` for the region or currency asked for. */
export const ProductVariant = z
  .looseObject({
    ...row,
    title: z.string(),
    product_id: z.string(),
    sku: text,
    barcode: text,
    ean: text,
    upc: text,
    inventory_quantity: z.number().int(),
    allow_backorder: z.boolean(),
    manage_inventory: z.boolean(),
    variant_rank: z.number().int(),
    ...dimensions,
    metadata,
    prices: z.array(MoneyAmount).optional(),
    options: z.array(ProductOptionValue).optional(),
    original_price: number.optional(),
    calculated_price: number.optional(),
    calculated_price_type: text.optional(),
    calculated_price_incl_tax: number.optional(),
    original_price_incl_tax: number.optional(),
    calculated_tax: number.optional(),
    original_tax: number.optional(),
    tax_rates: z.array(z.looseObject({ rate: z.number(), name: z.string(), code: z.string().nullable() })).nullable().optional(),
  })
  .meta({ id: "ProductVariant" });

export const ProductCollection = z
  .looseObject({ ...row, title: z.string(), handle: z.string(), metadata })
  .meta({ id: "ProductCollection" });

export const ProductTag = z.looseObject({ ...row, value: z.string(), metadata }).meta({ id: "ProductTag" });

export const ProductType = z.looseObject({ ...row, value: z.string(), metadata }).meta({ id: "ProductType" });

export const Image = z.looseObject({ ...row, url: z.string(), metadata }).meta({ id: "Image" });

/** A category as its parent or children show it. */
const categoryLink = z.looseObject({ id: z.string(), name: z.string(), handle: z.string() });

/** A category, with its parent and children. */
export const ProductCategory = z
  .looseObject({
    ...row,
    name: z.string(),
    handle: z.string(),
    description: text,
    is_active: z.boolean(),
    is_internal: z.boolean(),
    rank: z.number().int(),
    parent_category_id: text,
    parent_category: categoryLink.nullable().optional(),
    category_children: z.array(categoryLink).optional(),
    metadata,
  })
  .meta({ id: "ProductCategory" });

/** A product and the relations asked for (`expand`); `fields` may leave fields out. */
export const Product = z
  .looseObject({
    ...row,
    title: z.string(),
    subtitle: text,
    description: text,
    handle: text,
    is_giftcard: z.boolean(),
    status: z.enum(["draft", "proposed", "published", "rejected"]),
    thumbnail: text,
    collection_id: text,
    discountable: z.boolean(),
    ...dimensions,
    metadata,
    variants: z.array(ProductVariant).optional(),
    options: z.array(ProductOption).optional(),
    images: z.array(Image).optional(),
    tags: z.array(ProductTag).optional(),
    collection: ProductCollection.nullable().optional(),
    categories: z.array(ProductCategory).optional(),
    type_id: text,
    type: ProductType.nullable().optional(),
  })
  .meta({ id: "Product" });

export const productResponse = z.looseObject({ product: Product });
export const productList = responses.list("products", Product);
export const variantResponse = z.looseObject({ variant: ProductVariant });
export const collectionResponse = z.looseObject({ collection: ProductCollection });
export const collectionList = responses.list("collections", ProductCollection);
export const categoryResponse = z.looseObject({ product_category: ProductCategory });
export const categoryList = responses.list("product_categories", ProductCategory);
export const tagList = responses.list("product_tags", ProductTag);
export const typeList = responses.list("product_types", ProductType);
export const typesInUse = z.looseObject({ types: z.array(ProductType) });

/** A variant with its product (and, in the Store API, its calculated price), as `/store/variants` and `/admin/variants` answer it. */
export const VariantWithProduct = ProductVariant.extend({ product: Product }).meta({ id: "VariantWithProduct" });
export const storeVariantList = z.looseObject({ variants: z.array(VariantWithProduct) });
export const storeVariantResponse = z.looseObject({ variant: VariantWithProduct });
export const adminVariantList = responses.list("variants", VariantWithProduct);
export const adminVariantResponse = z.looseObject({ variant: VariantWithProduct });
export const tagUsage = z.looseObject({ tags: z.array(z.looseObject({ id: z.string(), value: z.string(), usage_count: z.number().int() })) });
