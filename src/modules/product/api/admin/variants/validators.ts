import { listQuery, z } from "kiosk";
import { idList } from "../../../lib/zod-params";

/** `q` searches the variant's title and SKU and its product's title. */
export const listAdminVariants = listQuery({ q: z.string().max(200).optional(), id: idList.optional() }, 20, 500).omit({
  expand: true,
  fields: true,
  order: true,
});

/** Medusa's `expand` and `fields` are accepted; the variant comes with its prices, option values and product. */
export const retrieveAdminVariant = z.strictObject({ expand: z.string().max(500).optional(), fields: z.string().max(500).optional() });
