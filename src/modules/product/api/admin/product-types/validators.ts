import { listQuery, stringList, z } from "kiosk";
import { idList } from "../../../lib/zod-params";

/** Filters of both type lists. */
export const typeFilters = {
  q: z.string().max(200).optional(),
  value: stringList.pipe(z.array(z.string().max(200)).min(1).max(200)).optional(),
  id: idList.optional(),
};

export const listTypes = listQuery(typeFilters, 20);
