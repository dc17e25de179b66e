import { MAX_AMOUNT, UnprocessableError } from "kiosk";

/** An order line as the order view shows it: what it cost in all (tax and discount included) for its quantity. */
interface PricedLine {
  id: string;
  quantity: number;
  total: number;
}

/**
 * What returning `items` gives back, as Medusa v1 reckons it: each line's
 * share of its total (unit price with its tax and discount share) for the
 * units returned, rounded half up, minus the return shipping; never below 0.
 * Exact (BigInt); a result past `MAX_AMOUNT` is a 422 `amount_too_large`.
 */
export function refundFor(lines: PricedLine[], items: { item_id: string; quantity: number }[], shipping: number): number {
  let sum = 0n;
  for (const { item_id, quantity } of items) {
    const line = lines.find((l) => l.id === item_id);
    if (!line || !quantity) continue;
    const q = BigInt(line.quantity);
    sum += (2n * BigInt(line.total) * BigInt(quantity) + q) / (2n * q);
  }
  const refund = sum - BigInt(shipping);
  if (refund > BigInt(MAX_AMOUNT)) throw new UnprocessableError("The refund is larger than the largest amount Kiosk holds", "amount_too_large", "refund");
  return refund > 0n ? Number(refund) : 0;
}
