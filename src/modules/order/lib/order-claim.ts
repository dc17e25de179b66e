import { ConflictError, NotFoundError, type TransactionContext } from "kiosk";
import { lockRow } from "kiosk/sql";
import { Order } from "../models/order";
import { OrderAction, type OrderActionKind } from "../models/order-action";
import { ORDER_ACTION_LEASE_MS } from "./constants";

/**
 * Locks an order row for the rest of the transaction (so two admin actions on
 * one order take turns) and returns it; unknown is a 404.
 */
export async function lockOrder(tx: TransactionContext, id: string): Promise<Order> {
  const order = await lockRow(tx.manager, Order, id);
  if (!order) throw new NotFoundError(`Order with id ${id} was not found`, "order_not_found");
  return order;
}

/**
 * Where every admin action on an order starts: the order locked, and no other
 * action in progress on it (409 `order_action_in_progress`). A claim older than
 * the lease was left by a crash between claiming and recording: it is released
 * here, with an `order.action_abandoned` event that says what it had asked the
 * provider to do (`reason: "lease_expired"`), and the new action goes ahead.
 */
export async function beginAction(tx: TransactionContext, id: string): Promise<Order> {
  const order = await lockOrder(tx, id);
  const claim = await tx.manager.findOneBy(OrderAction, { order_id: id });
  if (!claim) return order;
  if (Date.now() - claim.created_at.getTime() < ORDER_ACTION_LEASE_MS) {
    throw new ConflictError(`Order ${id} is busy: a ${claim.action} is in progress; try again`, "order_action_in_progress");
  }
  await tx.manager.delete(OrderAction, { id: claim.id });
  reportAbandoned(tx, claim, "lease_expired");
  return order;
}

/** Claims the order (begun with `beginAction`) for an action. */
export async function claimOrder(
  tx: TransactionContext,
  orderId: string,
  action: OrderActionKind,
  data: Record<string, unknown>,
): Promise<OrderAction> {
  const claim = tx.manager.create(OrderAction, { order_id: orderId, action, data });
  await tx.manager.insert(OrderAction, claim as never);
  return claim;
}

/**
 * Raises `order.action_abandoned` for a claim whose provider call may have done
 * something that was not recorded (a crash, a timeout, a provider that threw).
 */
export function reportAbandoned(tx: TransactionContext, claim: OrderAction, reason: string): void {
  tx.emit("order.action_abandoned", { id: claim.order_id, action: claim.action, data: claim.data, started_at: claim.created_at, reason });
}

/**
 * Ends a claim. False when it was no longer there: it outlived the lease and
 * another action released it, so this one may record nothing.
 */
export async function releaseClaim(tx: TransactionContext, claimId: string): Promise<boolean> {
  const { affected } = await tx.manager.delete(OrderAction, { id: claimId });
  return !!affected;
}
