import type { PaymentAuthorization, PaymentContext, PaymentProvider, ProviderPayment, ProviderSession } from "../lib/payment-provider";

/**
 * The built-in `manual` provider: no money moves; the merchant settles the
 * payment outside the store (bank transfer, cash on delivery) and marks it
 * captured in the admin.
 */
export default class ManualPaymentProviderService implements PaymentProvider {
  static identifier = "manual";
  readonly identifier = "manual";

  async initiatePayment(_context: PaymentContext): Promise<Record<string, unknown>> {
    return { status: "pending" };
  }

  async updatePayment(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    return data;
  }

  /** Keeps what the storefront notes (a reference, say); its own `status` is never taken from the input. */
  async updatePaymentData(session: ProviderSession, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    return { ...session.data, ...input, status: session.data.status ?? "pending" };
  }

  async authorizePayment(data: Record<string, unknown>): Promise<PaymentAuthorization> {
    return { status: "authorized", data: { ...data, status: "authorized" } };
  }

  async capturePayment(payment: ProviderPayment): Promise<Record<string, unknown>> {
    return { ...payment.data, status: "captured" };
  }

  async refundPayment(payment: ProviderPayment): Promise<Record<string, unknown>> {
    return payment.data;
  }

  async cancelPayment(payment: ProviderPayment): Promise<Record<string, unknown>> {
    return { ...payment.data, status: "canceled" };
  }
}
