import { customFieldsShape, listQuery, metadata, retrieveQuery, stringList, z } from "kiosk";
import { handle, idList } from "../../../lib/zod-params";

export const createCollection = z.strictObject({
  title: z.string().min(1).max(500),
  handle: handle.optional(),
  metadata,
  ...customFieldsShape("product_collection", "admin"),
});

export const updateCollection = createCollection.partial();

/** Filters of both collection lists. */
export const collectionFilters = {
  q: z.string().max(200).optional(),
  handle: stringList.pipe(z.array(z.string().max(200)).min(1).max(200)).optional(),
  id: idList.optional(),
};

export const listCollections = listQuery(collectionFilters, 10);

export const retrieveCollection = retrieveQuery;

/** Products to put in or take out of a collection, by id. */
export const collectionBatch = z.strictObject({ product_ids: z.array(z.string().min(1).max(100)).min(1).max(200) });
