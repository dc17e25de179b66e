import { In, IsNull, type EntityManager } from "kiosk";
import { groupBy } from "kiosk/internal";
import { ReturnReason } from "../models/return-reason";
import { returnReasonView, type ReturnReasonView } from "./return-reason-view";

/** Children oldest first, as they were added. */
const OLDEST_FIRST = { created_at: "ASC", id: "ASC" } as const;

/**
 * The live (not deleted) reasons picked by `ids`, or every live top-level
 * reason (newest first, as Medusa v1 lists them) when `ids` is omitted, each
 * with its parent and its live children: three queries whatever the count.
 */
export async function loadReturnReasons(manager: EntityManager, ids?: string[]): Promise<ReturnReasonView[]> {
  const reasons = ids
    ? await manager.find(ReturnReason, { where: { id: In(ids), deleted_at: IsNull() }, order: OLDEST_FIRST })
    : await manager.find(ReturnReason, { where: { parent_return_reason_id: IsNull(), deleted_at: IsNull() }, order: { created_at: "DESC", id: "DESC" } });
  if (!reasons.length) return [];
  const parentIds = [...new Set(reasons.map((r) => r.parent_return_reason_id).filter((id): id is string => id !== null))];
  const children = await manager.find(ReturnReason, {
    where: { parent_return_reason_id: In(reasons.map((r) => r.id)), deleted_at: IsNull() },
    order: OLDEST_FIRST,
  });
  const parents = parentIds.length ? await manager.find(ReturnReason, { where: { id: In(parentIds) } }) : [];
  const childrenOf = groupBy(children, (c) => c.parent_return_reason_id as string);
  const parentById = new Map(parents.map((p) => [p.id, p]));
  return reasons.map((r) =>
    returnReasonView(r, r.parent_return_reason_id ? parentById.get(r.parent_return_reason_id) : undefined, childrenOf.get(r.id) ?? []),
  );
}
