import { customFieldsShape, listQuery, metadata, z } from "kiosk";
import { handle, id, idList, int32, queryBoolean } from "../../../lib/zod-params";

export const createCategory = z.strictObject({
  name: z.string().min(1).max(500),
  handle: handle.optional(),
  description: z.string().max(20_000).optional(),
  is_active: z.boolean().optional(),
  is_internal: z.boolean().optional(),
  parent_category_id: id.nullable().optional(),
  rank: int32.optional(),
  metadata,
  ...customFieldsShape("product_category", "admin"),
});

export const updateCategory = createCategory.partial();

/** Filters of both category lists; `parent_category_id=null` asks for top-level ones. */
export const categoryFilters = {
  q: z.string().max(200).optional(),
  handle: z.string().max(200).optional(),
  id: idList.optional(),
  parent_category_id: id.transform((v) => (v === "null" ? null : v)).optional(),
  include_descendants_tree: queryBoolean.optional(),
};

export const listCategories = listQuery(
  { ...categoryFilters, is_active: queryBoolean.optional(), is_internal: queryBoolean.optional() },
  100,
);

export const retrieveCategory = z.strictObject({
  expand: z.string().max(500).optional(),
  fields: z.string().max(500).optional(),
  include_descendants_tree: queryBoolean.optional(),
});

/** Products to link to or unlink from a category, as Medusa takes them: `[{ id }]`. */
export const categoryBatch = z.strictObject({ product_ids: z.array(z.strictObject({ id: z.string().min(1).max(100) })).min(1).max(200) });
