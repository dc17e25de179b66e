/** A payment as the order module sees it (the payment module's `Payment` row). */
export interface PaymentRow {
  id: string;
  provider_id: string;
  amount: number;
  amount_refunded: number;
  data: Record<string, unknown>;
  captured_at: Date | null;
  canceled_at: Date | null;
}

/**
 * What the order module asks of the payment module's `paymentService`: plans
 * and records inside the order's short transactions, provider calls outside
 * any transaction.
 */
export interface PaymentPort {
  listCapturable(orderId: string): Promise<PaymentRow[]>;
  listCancelable(orderId: string): Promise<PaymentRow[]>;
  listRefunds(orderId: string): Promise<{ id: string; amount: number }[]>;
  refundable(orderId: string): Promise<number>;
  planRefund(orderId: string, amount: number): Promise<{ payment: PaymentRow; amount: number }[]>;
  providerCapture(payment: PaymentRow): Promise<Record<string, unknown>>;
  providerRefund(payment: PaymentRow, amount: number): Promise<Record<string, unknown>>;
  providerCancel(payment: PaymentRow): Promise<Record<string, unknown>>;
  recordCapture(paymentId: string, data: Record<string, unknown> | undefined): Promise<void>;
  recordCancel(paymentId: string, data: Record<string, unknown> | undefined): Promise<void>;
  recordRefund(
    orderId: string,
    parts: { payment: PaymentRow; amount: number; data?: Record<string, unknown> }[],
    input: { reason: any; note?: string | null; metadata?: Record<string, unknown> | null },
  ): Promise<{ id: string; amount: number }>;
}
