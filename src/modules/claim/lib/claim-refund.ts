import { MAX_AMOUNT, UnprocessableError } from "kiosk";

/** An order line as the order view shows it: what it cost in all (tax and discount included) for its quantity. */
interface PricedLine {
  id: string;
  quantity: number;
  total: number;
  returned_quantity: number;
}

/**
 * What a refund claim gives back when the admin names no amount (Medusa v1's
 * `getRefundTotalForClaimLinesOnOrder`): each claimed line's share of its
 * total for the units claimed. The shares are taken after the units already
 * returned or claimed (`taken`), with the returns' rounding (a line's first `n`
 * units are worth `round(total × n / quantity)`, halves up), so returns and
 * claims of one line never give back more than its total. Exact (BigInt);
 * past `MAX_AMOUNT` a 422 `amount_too_large`.
 */
export function claimRefund(lines: PricedLine[], items: { item_id: string; quantity: number }[], taken: Map<string, number>): number {
  let sum = 0n;
  for (const { item_id, quantity } of items) {
    const line = lines.find((l) => l.id === item_id);
    if (!line || !quantity) continue;
    const before = Math.min(line.returned_quantity + (taken.get(item_id) ?? 0), line.quantity);
    sum += share(line, Math.min(before + quantity, line.quantity)) - share(line, before);
  }
  if (sum > BigInt(MAX_AMOUNT)) throw new UnprocessableError("The refund is larger than the largest amount Kiosk holds", "amount_too_large", "refund_amount");
  return Number(sum);
}

function share(line: PricedLine, units: number): bigint {
  const q = BigInt(line.quantity);
  return (2n * BigInt(line.total) * BigInt(units) + q) / (2n * q);
}
