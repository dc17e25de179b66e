import { listQuery, stringList, z } from "kiosk";
import { idList } from "../../../lib/zod-params";

/** Filters of both tag lists. */
export const tagFilters = {
  q: z.string().max(200).optional(),
  value: stringList.pipe(z.array(z.string().max(200)).min(1).max(200)).optional(),
  id: idList.optional(),
};

export const listTags = listQuery(tagFilters, 10);
