import { UnprocessableError } from "kiosk";
import type { Order, OrderStatus } from "../models/order";
import { StateMachine } from "./state-machine";

/**
 * `order.status`, as in Medusa v1: a pending order is completed or canceled,
 * and either may then be archived; nothing leaves `archived`.
 * `requires_action` is in the table for Medusa's sake (nothing sets it yet).
 */
export const ORDER_STATUS = new StateMachine<OrderStatus>("status", {
  pending: ["completed", "canceled", "requires_action"],
  requires_action: ["pending", "completed", "canceled"],
  completed: ["archived"],
  canceled: ["archived"],
  archived: [],
});

/**
 * Refuses any change to the payments or fulfillments of an order that is
 * canceled (422 `order_canceled`) or archived (422 `order_archived`).
 */
export function assertOpen(order: Pick<Order, "id" | "status">): void {
  if (order.status === "canceled") throw new UnprocessableError(`Order ${order.id} is canceled`, "order_canceled");
  if (order.status === "archived") throw new UnprocessableError(`Order ${order.id} is archived`, "order_archived");
}
