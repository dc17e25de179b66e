import { listQuery, metadata, z } from "kiosk";

const name = z.string().min(1).max(200);
const description = z.string().max(2000).nullable();
const ids = z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(z.string().min(1).max(100)).min(1).max(100));

export const listSalesChannels = listQuery({
  id: ids.optional(),
  q: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
});

export const createSalesChannel = z.strictObject({ name, description: description.optional(), is_disabled: z.boolean().optional(), metadata });

export const updateSalesChannel = z.strictObject({ name: name.optional(), description: description.optional(), is_disabled: z.boolean().optional(), metadata });

/** `{ product_ids: [{ id }] }`, as Medusa takes it. */
export const productBatch = z.strictObject({
  product_ids: z.array(z.strictObject({ id: z.string().min(1).max(100) })).min(1).max(1000),
});
