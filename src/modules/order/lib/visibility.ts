import { NotFoundError, type KioskRequest } from "kiosk";

/**
 * Whether the store may show an order to this request: a customer's order only
 * to that customer (a 404 to everyone else, as if it did not exist); a guest's
 * order to whoever holds its id, as in Medusa v1.
 */
export function assertVisible<T extends { id: string; customer_id: string | null }>(req: KioskRequest, order: T | null, what: string): T {
  const customerId = req.auth?.actorType === "customer" ? req.auth.actorId : undefined;
  if (!order || (order.customer_id && order.customer_id !== customerId)) {
    throw new NotFoundError(`Order ${what} was not found`, "order_not_found");
  }
  return order;
}
