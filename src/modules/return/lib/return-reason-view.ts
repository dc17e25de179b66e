import type { ReturnReason } from "../models/return-reason";

/** A reason's own fields, as a child or parent appears inside another reason. */
export type ReturnReasonRow = Omit<ReturnReason, "parent_return_reason">;

/** Medusa v1's return reason: its fields, its parent (or null) and its live children. */
export interface ReturnReasonView extends ReturnReasonRow {
  parent_return_reason: ReturnReasonRow | null;
  return_reason_children: ReturnReasonRow[];
}

function row(reason: ReturnReason): ReturnReasonRow {
  const { parent_return_reason: _parent, ...fields } = reason;
  return { ...fields };
}

/** The API object of `reason`, given its parent and children (already filtered to the live ones). */
export function returnReasonView(reason: ReturnReason, parent: ReturnReason | undefined, children: ReturnReason[]): ReturnReasonView {
  return { ...row(reason), parent_return_reason: parent ? row(parent) : null, return_reason_children: children.map(row) };
}
