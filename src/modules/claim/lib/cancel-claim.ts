import { ConflictError, NotFoundError, UnprocessableError, type KioskServices, type TransactionContext } from "kiosk";
import { ClaimAdditionalItem } from "../models/claim-additional-item";
import { ClaimOrder } from "../models/claim-order";

/** A claim of the order (404 `claim_not_found` for another order's or an unknown one) that is not canceled (422 `claim_canceled`). */
export async function liveClaim(tx: TransactionContext, id: string, orderId: string): Promise<ClaimOrder> {
  const claim = await tx.manager.findOne(ClaimOrder, { where: { id, order_id: orderId }, relations: { additional_items: true } });
  if (!claim) throw new NotFoundError(`Claim with id ${id} was not found`, "claim_not_found");
  if (claim.canceled_at) throw new UnprocessableError(`Claim ${id} is canceled`, "claim_canceled");
  return claim;
}

/**
 * Cancels a claim, in the caller's transaction on the order begun: refused
 * for a claim that refunded money (422 `claim_refunded`), one whose new items
 * were fulfilled (422 `claim_fulfilled`; cancel the fulfillment first) and
 * one whose return is not canceled (422 `claim_return_not_canceled`), as in
 * Medusa v1. `canceled_at` is set by a conditional UPDATE (409
 * `claim_changed` if it moved meanwhile), so the replacement items' stock is
 * given back once. Raises `claim.canceled`.
 */
export async function cancelClaim(cradle: KioskServices, tx: TransactionContext, id: string, orderId: string): Promise<void> {
  const claim = await liveClaim(tx, id, orderId);
  if (claim.payment_status === "refunded" && (claim.refund_amount ?? 0) > 0) {
    throw new UnprocessableError(`Claim ${id} refunded ${claim.refund_amount} and cannot be canceled`, "claim_refunded");
  }
  if ((claim.additional_items ?? []).some((i) => i.fulfilled_quantity > 0)) {
    throw new UnprocessableError(`Claim ${id} has fulfilled items; cancel its fulfillments first`, "claim_fulfilled");
  }
  if (claim.return_id) {
    const ret = await cradle.returnService.retrieve(claim.return_id);
    if (ret.status !== "canceled") {
      throw new UnprocessableError(`The return of claim ${id} must be canceled before the claim`, "claim_return_not_canceled");
    }
  }
  const now = new Date();
  const { affected } = await tx.manager
    .createQueryBuilder()
    .update(ClaimOrder)
    .set({ canceled_at: now, fulfillment_status: "canceled", updated_at: now })
    .where("id = :id AND canceled_at IS NULL", { id })
    .execute();
  if (!affected) throw new ConflictError(`Claim ${id} was changed meanwhile`, "claim_changed");
  const stock = new Map<string, number>();
  for (const item of (claim.additional_items ?? []).filter((i: ClaimAdditionalItem) => i.stock_taken)) {
    stock.set(item.variant_id, (stock.get(item.variant_id) ?? 0) + item.quantity);
  }
  await cradle.productVariantService.returnStock(stock);
  tx.emit("claim.canceled", { id, order_id: orderId, no_notification: claim.no_notification ?? false });
}
