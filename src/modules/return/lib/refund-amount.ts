import { MAX_AMOUNT, UnprocessableError } from "kiosk";

/** An order line as the order view shows it: what it cost in all (tax and discount included) for its quantity, and the units already returned. */
interface PricedLine {
  id: string;
  quantity: number;
  total: number;
  returned_quantity: number;
}

/**
 * What returning `items` gives back, as Medusa v1 reckons it: each line's
 * share of its total (unit price with its tax and discount share) for the
 * units returned, minus the return shipping; never below 0. A line's first
 * `n` units are worth `round(total × n / quantity)` (halves up), and `k` more
 * after `r` returned ones the difference of `r + k` and `r`, so the returns of
 * a line, however split, add up to its total exactly. Exact (BigInt); a result
 * past `MAX_AMOUNT` is a 422 `amount_too_large`.
 */
export function refundFor(lines: PricedLine[], items: { item_id: string; quantity: number }[], shipping: number): number {
  let sum = 0n;
  for (const { item_id, quantity } of items) {
    const line = lines.find((l) => l.id === item_id);
    if (!line || !quantity) continue;
    const before = Math.min(line.returned_quantity, line.quantity);
    sum += share(line, Math.min(before + quantity, line.quantity)) - share(line, before);
  }
  const refund = sum - BigInt(shipping);
  if (refund > BigInt(MAX_AMOUNT)) throw new UnprocessableError("The refund is larger than the largest amount Kiosk holds", "amount_too_large", "refund");
  return refund > 0n ? Number(refund) : 0;
}

/** The first `units` of a line: `round(total × units / quantity)`, halves up. */
function share(line: PricedLine, units: number): bigint {
  const q = BigInt(line.quantity);
  return (2n * BigInt(line.total) * BigInt(units) + q) / (2n * q);
}
