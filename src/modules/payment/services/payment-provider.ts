import { NotFoundError } from "kiosk";
import type { PaymentProvider } from "../lib/payment-provider";

const SUFFIX = "PaymentProviderService";

/**
 * The registry of payment providers: every service whose container key ends in
 * `PaymentProviderService` (`manualPaymentProviderService`, a plugin's
 * `stripePaymentProviderService`, …), by its `identifier`.
 */
export default class PaymentProviderService {
  private readonly cradle: Record<string, unknown>;
  private cache?: { keys: string; providers: Map<string, PaymentProvider> };

  constructor(cradle: Record<string, unknown>) {
    this.cradle = cradle;
  }

  /** The providers among the container's services; looked up again when services were added since. */
  private providers(): Map<string, PaymentProvider> {
    const keys = Object.keys(this.cradle)
      .filter((key) => key.endsWith(SUFFIX) && key !== "paymentProviderService")
      .sort();
    const signature = keys.join(",");
    if (this.cache?.keys === signature) return this.cache.providers;
    const found = new Map<string, PaymentProvider>();
    for (const key of keys) {
      const provider = this.cradle[key] as PaymentProvider;
      const id = provider.identifier ?? (provider.constructor as { identifier?: string }).identifier ?? key.slice(0, -SUFFIX.length);
      found.set(id, provider);
    }
    this.cache = { keys: signature, providers: found };
    return found;
  }

  /** Every installed provider, as Medusa lists them: `{ id, is_installed }`. */
  list(): { id: string; is_installed: boolean }[] {
    return [...this.providers().keys()].map((id) => ({ id, is_installed: true }));
  }

  ids(): string[] {
    return [...this.providers().keys()];
  }

  /** A provider by id; an unknown one is a 404 `payment_provider_not_found`. */
  retrieve(id: string): PaymentProvider {
    const provider = this.providers().get(id);
    if (!provider) throw new NotFoundError(`Payment provider ${id} is not installed`, "payment_provider_not_found");
    return provider;
  }
}
