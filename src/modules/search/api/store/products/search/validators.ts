import { z } from "kiosk";

const ids = z.array(z.string().min(1).max(100)).min(1).max(100);

/** Medusa v1's `StorePostSearchReq`: `q`, `offset`, `limit`, and a filter of the catalog's own. */
export const searchProducts = z.strictObject({
  q: z.string().max(200).optional(),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  filter: z
    .strictObject({ collection_id: ids.optional(), type_id: ids.optional(), tags: ids.optional(), category_id: ids.optional() })
    .optional(),
});
