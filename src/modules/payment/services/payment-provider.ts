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

  /** The methods each installed provider keeps for a customer (providers without `retrieveSavedMethods` keep none); no transaction open. */
  async savedMethods(customer: { id: string; email: string }): Promise<{ provider_id: string; data: Record<string, unknown> }[]> {
    const answers = await Promise.all(
      this.ids().map(async (id) => {
        const provider = this.retrieve(id);
        const methods = provider.retrieveSavedMethods ? await provider.retrieveSavedMethods(customer) : [];
        return methods.map((data) => ({ provider_id: id, data }));
      }),
    );
    return answers.flat();
  }
}
