import { ConflictError, type EntityManager } from "kiosk";
import { Order, type FulfillmentStatus, type OrderStatus, type PaymentStatus } from "../models/order";
import { FULFILLMENT_STATUS } from "./fulfillment-status";
import { ORDER_STATUS } from "./order-status";
import { PAYMENT_STATUS } from "./payment-status";

export interface StatusChange {
  status?: OrderStatus;
  payment_status?: PaymentStatus;
  fulfillment_status?: FulfillmentStatus;
  canceled_at?: Date;
}

/**
 * The one way an order's statuses are written. Each status named in `change`
 * must be a transition its table allows (else a 422 with `code`, and nothing
 * is written); the UPDATE also requires the statuses it started from, so a
 * write that raced another one changes nothing and is a 409 `order_changed`
 * (callers hold the order's row lock, so this is the backstop). `order` is
 * updated in place.
 */
export async function moveOrder(manager: EntityManager, order: Order, change: StatusChange, code: string): Promise<void> {
  if (change.status) ORDER_STATUS.assert(order.status, change.status, code);
  if (change.payment_status) PAYMENT_STATUS.assert(order.payment_status, change.payment_status, code);
  if (change.fulfillment_status) FULFILLMENT_STATUS.assert(order.fulfillment_status, change.fulfillment_status, code);
  const from = { id: order.id, status: order.status, payment_status: order.payment_status, fulfillment_status: order.fulfillment_status };
  const { affected } = await manager.update(Order, from, { ...change, updated_at: new Date() });
  if (!affected) throw new ConflictError(`Order ${order.id} was changed meanwhile; try again`, "order_changed");
  Object.assign(order, change);
}
