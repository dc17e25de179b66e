import type { FulfillmentStatus } from "../models/order";
import { StateMachine } from "./state-machine";

interface LineCounts {
  id: string;
  quantity: number;
  fulfilled_quantity: number;
  shipped_quantity: number;
  returned_quantity?: number;
}

/**
 * `order.fulfillment_status`, as in Medusa v1. It is derived from the lines'
 * fulfilled and shipped units (`fulfillmentStatusOf`), and every change of it
 * must be one of these: fulfilling moves it forward, canceling a fulfillment
 * back, shipping on to `(partially_)shipped`; only an order with nothing
 * fulfilled can be canceled. Once any unit came back (a received return) it is
 * `partially_returned`, and `returned` when every unit of every line did.
 */
export const FULFILLMENT_STATUS = new StateMachine<FulfillmentStatus>("fulfillment_status", {
  not_fulfilled: ["partially_fulfilled", "fulfilled", "canceled", "requires_action"],
  partially_fulfilled: ["not_fulfilled", "partially_fulfilled", "fulfilled", "partially_shipped", "requires_action"],
  fulfilled: ["not_fulfilled", "partially_fulfilled", "partially_shipped", "shipped", "requires_action"],
  partially_shipped: ["partially_shipped", "shipped", "partially_returned", "requires_action"],
  shipped: ["partially_returned", "returned", "requires_action"],
  partially_returned: ["partially_returned", "returned", "requires_action"],
  returned: [],
  canceled: [],
  requires_action: ["not_fulfilled", "partially_fulfilled", "fulfilled", "partially_shipped", "shipped", "canceled"],
});

/** An order's fulfillment status from its lines' fulfilled, shipped and returned units, as Medusa v1 names them. */
export function fulfillmentStatusOf(lines: Omit<LineCounts, "id">[]): FulfillmentStatus {
  if (!lines.length) return "not_fulfilled";
  if (lines.every((l) => (l.returned_quantity ?? 0) >= l.quantity)) return "returned";
  if (lines.some((l) => (l.returned_quantity ?? 0) > 0)) return "partially_returned";
  if (lines.every((l) => l.shipped_quantity >= l.quantity)) return "shipped";
  if (lines.some((l) => l.shipped_quantity > 0)) return "partially_shipped";
  if (lines.every((l) => l.fulfilled_quantity >= l.quantity)) return "fulfilled";
  if (lines.some((l) => l.fulfilled_quantity > 0)) return "partially_fulfilled";
  return "not_fulfilled";
}

/**
 * The fulfillment status the lines would have once `items` are fulfilled
 * (`sign` 1) or a fulfillment of them is canceled (`sign` -1): what an action
 * checks against the table before it calls the provider.
 */
export function fulfillmentStatusAfter(
  lines: LineCounts[],
  items: { item_id: string; quantity: number }[],
  sign: 1 | -1,
): FulfillmentStatus {
  const change = new Map(items.map((i) => [i.item_id, i.quantity * sign]));
  return fulfillmentStatusOf(lines.map((l) => ({ ...l, fulfilled_quantity: l.fulfilled_quantity + (change.get(l.id) ?? 0) })));
}
