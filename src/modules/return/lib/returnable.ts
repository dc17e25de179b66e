import { InvalidDataError, UnprocessableError } from "kiosk";
import type { ReturnView } from "./return-view";
import { isOpen } from "./return-view";

interface Line {
  id: string;
  shipped_quantity: number;
  returned_quantity: number;
}

/** The units of each line held back by the open returns (requested, not yet received or canceled), by line id. */
export function requestedUnits(returns: Pick<ReturnView, "status" | "items">[]): Map<string, number> {
  const held = new Map<string, number>();
  for (const ret of returns.filter(isOpen)) {
    for (const item of ret.items) held.set(item.item_id, (held.get(item.item_id) ?? 0) + item.quantity);
  }
  return held;
}

/** Units of a line that may still be returned: shipped, less returned, less held by open returns. */
export function returnableUnits(line: Line, held: Map<string, number>): number {
  return Math.max(0, line.shipped_quantity - line.returned_quantity - (held.get(line.id) ?? 0));
}

/**
 * The lines with units that may still be returned, each with its
 * `returnable_quantity` (an order view's `returnable_items`), given the order's
 * returns.
 */
export function returnableItems<L extends Line>(lines: L[], returns: Pick<ReturnView, "status" | "items">[]): (L & { returnable_quantity: number })[] {
  const held = requestedUnits(returns);
  return lines.map((line) => ({ ...line, returnable_quantity: returnableUnits(line, held) })).filter((line) => line.returnable_quantity > 0);
}

/**
 * Checks that `items` may be returned: each a line of the order, listed once
 * (400 `invalid_item` / `invalid_data`), and never more units than are
 * returnable (422 `quantity_exceeds_returnable`).
 */
export function assertReturnable(orderId: string, lines: Line[], held: Map<string, number>, items: { item_id: string; quantity: number }[]): void {
  const ids = items.map((i) => i.item_id);
  if (new Set(ids).size !== ids.length) throw new InvalidDataError("items: a line item is listed twice", { field: "items" });
  for (const { item_id, quantity } of items) {
    const line = lines.find((l) => l.id === item_id);
    if (!line) throw new InvalidDataError(`Line item ${item_id} is not part of order ${orderId}`, { code: "invalid_item", field: "items" });
    const left = returnableUnits(line, held);
    if (quantity > left) {
      throw new UnprocessableError(`Line item ${item_id} has ${left} returnable units, fewer than ${quantity}`, "quantity_exceeds_returnable", "items");
    }
  }
}
