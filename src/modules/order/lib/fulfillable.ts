import { InvalidDataError, UnprocessableError } from "kiosk";

/**
 * Checks, before the provider is asked, that `items` may be fulfilled: each a
 * line of this order, listed once (400 `invalid_item` / `invalid_data`), and
 * never more units than are left unfulfilled (422
 * `quantity_exceeds_unfulfilled`). The line item service's conditional UPDATE
 * repeats the last check when the fulfillment is recorded.
 */
export function assertFulfillable(
  orderId: string,
  lines: { id: string; quantity: number; fulfilled_quantity: number }[],
  items: { item_id: string; quantity: number }[],
): void {
  const ids = items.map((i) => i.item_id);
  if (new Set(ids).size !== ids.length) throw new InvalidDataError("items: a line item is listed twice", { field: "items" });
  for (const { item_id, quantity } of items) {
    const line = lines.find((l) => l.id === item_id);
    if (!line) throw new InvalidDataError(`Line item ${item_id} is not part of order ${orderId}`, { code: "invalid_item", field: "items" });
    if (line.fulfilled_quantity + quantity > line.quantity) {
      throw new UnprocessableError(`Line item ${item_id} has fewer than ${quantity} unfulfilled units`, "quantity_exceeds_unfulfilled", "items");
    }
  }
}
