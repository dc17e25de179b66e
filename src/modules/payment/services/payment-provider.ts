import { ProviderRegistry } from "kiosk";
import type { PaymentProvider } from "../lib/payment-provider";

/**
 * The registry of payment providers: every service whose container key ends in
 * `PaymentProviderService` (`manualPaymentProviderService`, a plugin's
 * `stripePaymentProviderService`, …), by its `identifier`.
 */
export default class PaymentProviderService extends ProviderRegistry<PaymentProvider> {
  constructor(cradle: Record<string, unknown>) {
    super(cradle, { suffix: "PaymentProviderService", label: "Payment provider", code: "payment_provider_not_found" });
  }
}
