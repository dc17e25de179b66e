import { metadata, z } from "kiosk";

const label = z.string().min(1).max(500);
const description = z.string().max(20_000).nullable().optional();

export const createReturnReason = z.strictObject({
  value: z.string().min(1).max(200),
  label,
  description,
  // "" means no parent, as in Medusa v1.
  parent_return_reason_id: z.string().max(200).nullable().optional(),
  metadata,
});

/** Medusa v1's update: the value and the parent stay as created. */
export const updateReturnReason = z.strictObject({ label: label.optional(), description, metadata });
