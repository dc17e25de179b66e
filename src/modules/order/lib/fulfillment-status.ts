import type { FulfillmentStatus } from "../models/order";

interface LineCounts {
  quantity: number;
  fulfilled_quantity: number;
  shipped_quantity: number;
}

/** An order's fulfillment status from its lines' fulfilled and shipped units, as Medusa v1 names them. */
export function fulfillmentStatusOf(lines: LineCounts[]): FulfillmentStatus {
  if (!lines.length) return "not_fulfilled";
  if (lines.every((l) => l.shipped_quantity >= l.quantity)) return "shipped";
  if (lines.some((l) => l.shipped_quantity > 0)) return "partially_shipped";
  if (lines.every((l) => l.fulfilled_quantity >= l.quantity)) return "fulfilled";
  if (lines.some((l) => l.fulfilled_quantity > 0)) return "partially_fulfilled";
  return "not_fulfilled";
}
