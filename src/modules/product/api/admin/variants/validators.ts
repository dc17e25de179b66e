import { listQuery, z } from "kiosk";
import { idList } from "../../../lib/zod-params";

/** `q` searches the variant's title and SKU and its product's title. */
export const listAdminVariants = listQuery({ q: z.string().max(200).optional(), id: idList.optional() }, 20, 500).omit({
  expand: true,
  fields: true,
  order: true,
});
