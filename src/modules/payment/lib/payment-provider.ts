/**
 * What a payment provider implements. A provider is a service whose container
 * key ends in `PaymentProviderService` (so a file `services/<name>-payment-provider.ts`
 * in a plugin or project), identified by its `identifier` (`"manual"`, `"stripe"`).
 * `paymentProviderService` finds every such service; nothing else registers it.
 */
export interface PaymentContext {
  cart_id: string;
  email: string | null;
  customer_id: string | null;
  currency_code: string;
  /** In the currency's minor unit. */
  amount: number;
}

export interface PaymentAuthorization {
  status: "authorized" | "requires_more" | "error";
  data: Record<string, unknown>;
}

/** A stored payment as a provider sees it. */
export interface ProviderPayment {
  amount: number;
  currency_code: string;
  data: Record<string, unknown>;
}

export interface PaymentProvider {
  identifier: string;
  /** Starts a payment for a cart; the result is kept as the session's `data`. */
  initiatePayment(context: PaymentContext): Promise<Record<string, unknown>>;
  /** The cart's total changed; returns the new session data. */
  updatePayment?(data: Record<string, unknown>, context: PaymentContext): Promise<Record<string, unknown>>;
  /** Authorizes the session at cart completion. */
  authorizePayment(data: Record<string, unknown>, context: PaymentContext): Promise<PaymentAuthorization>;
  capturePayment(payment: ProviderPayment): Promise<Record<string, unknown>>;
  refundPayment(payment: ProviderPayment, amount: number): Promise<Record<string, unknown>>;
  cancelPayment(payment: ProviderPayment): Promise<Record<string, unknown>>;
  /** The session was removed from the cart. */
  deletePayment?(data: Record<string, unknown>): Promise<void>;
}
