import { listQuery, z } from "kiosk";

const title = z.string().min(1).max(200);

export const listKeys = listQuery({ q: z.string().max(200).optional() });

export const createKey = z.strictObject({ title });

export const updateKey = z.strictObject({ title: title.optional() });

export const keyChannelsQuery = z.strictObject({ q: z.string().max(200).optional() });

/** `{ sales_channel_ids: [{ id }] }`, as Medusa takes it. */
export const channelBatch = z.strictObject({
  sales_channel_ids: z.array(z.strictObject({ id: z.string().min(1).max(100) })).min(1).max(100),
});
