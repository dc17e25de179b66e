import type { TransactionContext } from "kiosk";

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

type Tx = TransactionContext;

/**
 * What the order module asks of the payment module's `paymentService`: plans
 * and records inside the order's short transactions, provider calls outside
 * any transaction.
 */
export interface PaymentPort {
  listCapturable(orderId: string, parent?: Tx): Promise<PaymentRow[]>;
  listCancelable(orderId: string, parent?: Tx): Promise<PaymentRow[]>;
  listRefunds(orderId: string, parent?: Tx): Promise<{ id: string; amount: number }[]>;
  refundable(orderId: string, parent?: Tx): Promise<number>;
  planRefund(orderId: string, amount: number, parent?: Tx): Promise<{ payment: PaymentRow; amount: number }[]>;
  providerCapture(payment: PaymentRow): Promise<Record<string, unknown>>;
  providerRefund(payment: PaymentRow, amount: number): Promise<Record<string, unknown>>;
  providerCancel(payment: PaymentRow): Promise<Record<string, unknown>>;
  recordCapture(paymentId: string, data: Record<string, unknown> | undefined, parent?: Tx): Promise<void>;
  recordCancel(paymentId: string, data: Record<string, unknown> | undefined, parent?: Tx): Promise<void>;
  recordRefund(
    orderId: string,
    parts: { payment: PaymentRow; amount: number; data?: Record<string, unknown> }[],
    input: { reason: any; note?: string | null; metadata?: Record<string, unknown> | null },
    parent?: Tx,
  ): Promise<{ id: string; amount: number }>;
}
