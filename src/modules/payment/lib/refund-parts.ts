interface Refundable {
  id: string;
  amount: number;
  amount_refunded: number;
  captured_at: Date | null;
  canceled_at: Date | null;
}

/** The share of a refund taken from one payment. */
export interface RefundPart<P extends Refundable> {
  payment: P;
  amount: number;
}

/** The payments money can be refunded from: captured and not canceled. */
export function refundablePayments<P extends Refundable>(payments: P[]): P[] {
  return payments.filter((p) => p.captured_at && !p.canceled_at);
}

/** What is captured and not refunded yet. */
export function refundableAmount(payments: Refundable[]): number {
  return refundablePayments(payments).reduce((sum, p) => sum + p.amount - p.amount_refunded, 0);
}

/** Spreads `amount` over the refundable payments in their order, each giving what it has not refunded yet. */
export function spreadRefund<P extends Refundable>(payments: P[], amount: number): RefundPart<P>[] {
  const parts: RefundPart<P>[] = [];
  let left = amount;
  for (const payment of refundablePayments(payments)) {
    if (!left) break;
    const part = Math.min(left, payment.amount - payment.amount_refunded);
    if (part <= 0) continue;
    parts.push({ payment, amount: part });
    left -= part;
  }
  return parts;
}
