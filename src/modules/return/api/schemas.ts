import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

const fields = {
  id: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullable(),
  value: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  parent_return_reason_id: z.string().nullable(),
  metadata,
};

/** A reason as it appears inside another: its parent or one of its children. */
export const ReturnReasonRef = z.looseObject(fields).meta({ id: "ReturnReasonRef" });

/** Why an item comes back; with its parent (null for a top-level reason) and its children. */
export const ReturnReason = z
  .looseObject({ ...fields, parent_return_reason: ReturnReasonRef.nullable(), return_reason_children: z.array(ReturnReasonRef) })
  .meta({ id: "ReturnReason" });

export const returnReasonResponse = z.looseObject({ return_reason: ReturnReason });
export const returnReasonList = z.looseObject({ return_reasons: z.array(ReturnReason) });
