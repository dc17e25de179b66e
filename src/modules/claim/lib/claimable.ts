import { InvalidDataError, UnprocessableError } from "kiosk";

interface Line {
  id: string;
  shipped_quantity: number;
  returned_quantity: number;
}

/** The units of each line held by live (not canceled) claims, by line id. */
export function claimedUnits(claims: { canceled_at: Date | null; claim_items?: { item_id: string; quantity: number }[] }[]): Map<string, number> {
  const held = new Map<string, number>();
  for (const claim of claims.filter((c) => !c.canceled_at)) {
    for (const item of claim.claim_items ?? []) held.set(item.item_id, (held.get(item.item_id) ?? 0) + item.quantity);
  }
  return held;
}

/**
 * Checks the claimed units: each a line of the order, listed once (400
 * `invalid_item` / `invalid_data`), and no more than the line's shipped units
 * less those returned and those other live claims hold (422
 * `quantity_exceeds_claimable`).
 */
export function assertClaimable(orderId: string, lines: Line[], held: Map<string, number>, items: { item_id: string; quantity: number }[]): void {
  const ids = items.map((i) => i.item_id);
  if (new Set(ids).size !== ids.length) throw new InvalidDataError("claim_items: a line item is listed twice", { field: "claim_items" });
  for (const { item_id, quantity } of items) {
    const line = lines.find((l) => l.id === item_id);
    if (!line) throw new InvalidDataError(`Line item ${item_id} is not part of order ${orderId}`, { code: "invalid_item", field: "claim_items" });
    const left = Math.max(0, line.shipped_quantity - line.returned_quantity - (held.get(item_id) ?? 0));
    if (quantity > left) {
      throw new UnprocessableError(`Line item ${item_id} has ${left} claimable units, fewer than ${quantity}`, "quantity_exceeds_claimable", "claim_items");
    }
  }
}
