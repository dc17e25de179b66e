import type { ProductStatus } from "../models/product";

/** A price to set on a variant; the currency comes from the region when only a region is given. */
export interface PriceInput {
  amount: number;
  currency_code?: string;
  region_id?: string | null;
  min_quantity?: number | null;
  max_quantity?: number | null;
}

/** A variant's value for one option: by `option_id`, or by position in the product's options. */
export interface VariantOptionInput {
  value: string;
  option_id?: string;
}

type Nullable<T> = T | null;

/** The variant columns a client may set. */
export interface VariantFields {
  title?: string;
  sku?: Nullable<string>;
  barcode?: Nullable<string>;
  ean?: Nullable<string>;
  upc?: Nullable<string>;
  inventory_quantity?: number;
  allow_backorder?: boolean;
  manage_inventory?: boolean;
  variant_rank?: number;
  hs_code?: Nullable<string>;
  origin_country?: Nullable<string>;
  mid_code?: Nullable<string>;
  material?: Nullable<string>;
  weight?: Nullable<number>;
  length?: Nullable<number>;
  height?: Nullable<number>;
  width?: Nullable<number>;
  metadata?: Nullable<Record<string, unknown>>;
}

export interface CreateVariantInput extends VariantFields {
  title: string;
  prices?: PriceInput[];
  options?: VariantOptionInput[];
}

export interface UpdateVariantInput extends VariantFields {
  /** Replaces every price of the variant. */
  prices?: PriceInput[];
  options?: VariantOptionInput[];
}

/** An existing tag by id, or a tag by value (reused when one with that value exists). */
export interface TagInput {
  id?: string;
  value?: string;
}

/** A product's type, as Medusa takes it: by `value` (an `id` given beside it is not looked at). */
export interface TypeInput {
  id?: string;
  value: string;
}

/** The product columns a client may set. */
export interface ProductFields {
  title?: string;
  subtitle?: Nullable<string>;
  description?: Nullable<string>;
  handle?: string;
  status?: ProductStatus;
  thumbnail?: Nullable<string>;
  collection_id?: Nullable<string>;
  discountable?: boolean;
  weight?: Nullable<number>;
  length?: Nullable<number>;
  height?: Nullable<number>;
  width?: Nullable<number>;
  hs_code?: Nullable<string>;
  origin_country?: Nullable<string>;
  mid_code?: Nullable<string>;
  material?: Nullable<string>;
  metadata?: Nullable<Record<string, unknown>>;
}

/** Relations replaced as a whole when given. */
export interface ProductLinks {
  images?: string[];
  tags?: TagInput[];
  categories?: { id: string }[];
  /** Upserted by value; `null` takes the type away. */
  type?: Nullable<TypeInput>;
  /** The channels it is sold in (the sales-channel module's); a new product without them joins the default channel. */
  sales_channels?: { id: string }[];
}

export interface CreateProductInput extends ProductFields, ProductLinks {
  title: string;
  is_giftcard?: boolean;
  options?: { title: string }[];
  variants?: CreateVariantInput[];
}

export type UpdateProductInput = ProductFields & ProductLinks;
