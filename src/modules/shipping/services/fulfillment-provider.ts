import { NotFoundError } from "kiosk";
import type { FulfillmentProvider } from "../lib/fulfillment-provider";

const SUFFIX = "FulfillmentProviderService";

/**
 * The registry of fulfillment providers: every service whose container key ends
 * in `FulfillmentProviderService` (`manualFulfillmentProviderService`, a plugin's
 * `webshipperFulfillmentProviderService`, …), by its `identifier`.
 */
export default class FulfillmentProviderService {
  private readonly cradle: Record<string, unknown>;
  private cache?: { keys: string; providers: Map<string, FulfillmentProvider> };

  constructor(cradle: Record<string, unknown>) {
    this.cradle = cradle;
  }

  /** The providers among the container's services; looked up again when services were added since. */
  private providers(): Map<string, FulfillmentProvider> {
    const keys = Object.keys(this.cradle)
      .filter((key) => key.endsWith(SUFFIX) && key !== "fulfillmentProviderService")
      .sort();
    const signature = keys.join(",");
    if (this.cache?.keys === signature) return this.cache.providers;
    const found = new Map<string, FulfillmentProvider>();
    for (const key of keys) {
      const provider = this.cradle[key] as FulfillmentProvider;
      const id = provider.identifier ?? (provider.constructor as { identifier?: string }).identifier ?? key.slice(0, -SUFFIX.length);
      found.set(id, provider);
    }
    this.cache = { keys: signature, providers: found };
    return found;
  }

  list(): { id: string; is_installed: boolean }[] {
    return [...this.providers().keys()].map((id) => ({ id, is_installed: true }));
  }

  /** A provider by id; an unknown one is a 404 `fulfillment_provider_not_found`. */
  retrieve(id: string): FulfillmentProvider {
    const provider = this.providers().get(id);
    if (!provider) throw new NotFoundError(`Fulfillment provider ${id} is not installed`, "fulfillment_provider_not_found");
    return provider;
  }
}
