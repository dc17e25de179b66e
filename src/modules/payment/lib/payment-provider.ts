/**
 * What a payment provider implements. A provider is a service whose container
 * key ends in `PaymentProviderService` (so a file `services/<name>-payment-provider.ts`
 * in a plugin or project), identified by its `identifier` (`"manual"`, `"stripe"`).
 * `paymentProviderService` finds every such service; nothing else registers it.
 *
 * The provider owns a session's `data`: Kiosk stores what the provider returns
 * and never what a storefront sends. Every call is made with no database
 * transaction open, bounded by `payments.timeout` during checkout.
 */
export interface PaymentContext {
  cart_id: string;
  email: string | null;
  customer_id: string | null;
  currency_code: string;
  /** In the currency's minor unit. */
  amount: number;
  /** The Kiosk id of the payment session (given to `initiatePayment` too), for the provider to echo in webhooks. */
  session_id?: string;
}

/** A cart's payment session as its provider sees it. */
export interface ProviderSession {
  id: string;
  cart_id: string;
  provider_id: string;
  amount: number;
  currency_code: string;
  data: Record<string, unknown>;
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

/** What a provider reads from a webhook: the raw body (for signatures), the parsed one and the headers. */
export interface WebhookPayload {
  data: unknown;
  rawData: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/** What a webhook means to Kiosk, as Medusa v2's `getWebhookActionAndData` answers. */
export interface WebhookActionResult {
  action: "authorized" | "captured" | "failed" | "not_supported";
  /** The payment session the event is about (its Kiosk id), and the amount the provider reports. */
  data?: { session_id: string; amount?: number };
}

export interface PaymentProvider {
  identifier: string;
  /** Starts a payment for a cart; the result is kept as the session's `data`. */
  initiatePayment(context: PaymentContext): Promise<Record<string, unknown>>;
  /** The cart's total changed; returns the new session data. */
  updatePayment?(data: Record<string, unknown>, context: PaymentContext): Promise<Record<string, unknown>>;
  /**
   * The storefront sent input for the session (`POST /store/carts/:id/payment-sessions/:provider_id`
   * `{ data }`): a card token, a return URL. The provider checks it and returns the session's new
   * data; that is what is stored. A provider without this method refuses storefront input (422).
   */
  updatePaymentData?(session: ProviderSession, input: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Authorizes the session at cart completion. Called again for the same session after a webhook: answer its current state. */
  authorizePayment(data: Record<string, unknown>, context: PaymentContext): Promise<PaymentAuthorization>;
  capturePayment(payment: ProviderPayment): Promise<Record<string, unknown>>;
  refundPayment(payment: ProviderPayment, amount: number): Promise<Record<string, unknown>>;
  /** Voids an authorization (also one that may never have completed: a checkout that failed or crashed). */
  cancelPayment(payment: ProviderPayment): Promise<Record<string, unknown>>;
  /** The session was removed from the cart. */
  deletePayment?(data: Record<string, unknown>): Promise<void>;
  /** The payment methods the provider keeps for a customer (saved cards), for `GET /store/customers/me/payment-methods`. */
  retrieveSavedMethods?(customer: { id: string; email: string }): Promise<Record<string, unknown>[]>;
  /** Reads a webhook (`POST /hooks/payment/:provider_id`); throwing (a bad signature) answers 400. */
  getWebhookActionAndData?(payload: WebhookPayload): Promise<WebhookActionResult>;
}
