import { InvalidDataError, mergeMetadata, type TransactionContext } from "kiosk";
import { ClaimItem, type ClaimReason } from "../models/claim-item";
import { ClaimOrder } from "../models/claim-order";
import { liveClaim } from "./cancel-claim";

export interface UpdateClaimInput {
  claim_items?: { id: string; note?: string | null; reason?: ClaimReason; tags?: string[]; images?: string[]; metadata?: Record<string, unknown> | null }[];
  no_notification?: boolean;
  metadata?: Record<string, unknown> | null;
}

/**
 * Updates a live claim of the order (Medusa v1's `update`): `no_notification`,
 * `metadata` (merged), and its items' note, reason, tags, images and
 * metadata; an item of another claim is a 400 `invalid_item`. Raises
 * `claim.updated`.
 */
export async function updateClaim(tx: TransactionContext, id: string, orderId: string, input: UpdateClaimInput): Promise<void> {
  const claim = await liveClaim(tx, id, orderId);
  const now = new Date();
  const set: Partial<ClaimOrder> = { updated_at: now };
  if (input.no_notification !== undefined) set.no_notification = input.no_notification;
  if (input.metadata !== undefined) set.metadata = mergeMetadata(claim.metadata, input.metadata);
  await tx.manager.update(ClaimOrder, { id }, set as never);
  for (const { id: itemId, metadata, ...fields } of input.claim_items ?? []) {
    const item = await tx.manager.findOneBy(ClaimItem, { id: itemId, claim_order_id: id });
    if (!item) throw new InvalidDataError(`Claim item ${itemId} is not part of claim ${id}`, { code: "invalid_item", field: "claim_items" });
    const changes: Partial<ClaimItem> = { ...fields, updated_at: now };
    if (metadata !== undefined) changes.metadata = mergeMetadata(item.metadata, metadata);
    await tx.manager.update(ClaimItem, { id: itemId }, changes as never);
  }
  tx.emit("claim.updated", { id, order_id: orderId, no_notification: input.no_notification ?? claim.no_notification ?? false });
}
