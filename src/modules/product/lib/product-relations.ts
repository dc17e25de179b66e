import { InvalidDataError } from "kiosk";

/** The relations a product response can carry, as `?expand=` names them. */
export const PRODUCT_RELATIONS = [
  "variants",
  "variants.prices",
  "variants.options",
  "options",
  "options.values",
  "images",
  "tags",
  "collection",
  "categories",
  "type",
  "sales_channels",
] as const;
export type ProductRelation = (typeof PRODUCT_RELATIONS)[number];

/** Medusa v1's default relations of a store product. */
export const STORE_PRODUCT_RELATIONS: ProductRelation[] = [
  "variants",
  "variants.prices",
  "variants.options",
  "options",
  "options.values",
  "images",
  "tags",
  "collection",
  "type",
];

/** The admin's: the store's plus categories. */
export const ADMIN_PRODUCT_RELATIONS: ProductRelation[] = [...STORE_PRODUCT_RELATIONS, "categories"];

/** The product columns `?fields=` may name. */
export const PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "is_giftcard",
  "status",
  "thumbnail",
  "collection_id",
  "type_id",
  "discountable",
  "weight",
  "length",
  "height",
  "width",
  "hs_code",
  "origin_country",
  "mid_code",
  "material",
  "metadata",
  "created_at",
  "updated_at",
] as const;

/** What to load and show: a set of relations, and the columns (all when undefined). */
export interface ProductSelection {
  relations: Set<ProductRelation>;
  fields?: string[];
}

function names(value: string): string[] {
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}

/**
 * `?expand=` replaces the default relations (a nested one brings its parent);
 * `?fields=` picks columns, `id` always included. Unknown names are a 400.
 */
export function productSelection(query: { expand?: string; fields?: string }, defaults: ProductRelation[]): ProductSelection {
  const relations = new Set<ProductRelation>();
  for (const name of query.expand ? names(query.expand) : defaults) {
    if (!(PRODUCT_RELATIONS as readonly string[]).includes(name)) {
      throw new InvalidDataError(`expand: unknown relation ${name}`, { code: "invalid_request", field: "expand" });
    }
    relations.add(name as ProductRelation);
    const parent = name.split(".")[0] as ProductRelation;
    if (parent !== name) relations.add(parent);
  }
  let fields: string[] | undefined;
  if (query.fields) {
    fields = ["id"];
    for (const name of names(query.fields)) {
      if (!(PRODUCT_FIELDS as readonly string[]).includes(name)) {
        throw new InvalidDataError(`fields: unknown field ${name}`, { code: "invalid_request", field: "fields" });
      }
      if (!fields.includes(name)) fields.push(name);
    }
  }
  return { relations, fields };
}
