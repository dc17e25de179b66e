import { ProviderRegistry } from "kiosk";
import type { FulfillmentProvider } from "../lib/fulfillment-provider";

/**
 * The registry of fulfillment providers: every service whose container key ends
 * in `FulfillmentProviderService` (`manualFulfillmentProviderService`, a plugin's
 * `webshipperFulfillmentProviderService`, …), by its `identifier`.
 */
export default class FulfillmentProviderService extends ProviderRegistry<FulfillmentProvider> {
  constructor(cradle: Record<string, unknown>) {
    super(cradle, { suffix: "FulfillmentProviderService", label: "Fulfillment provider", code: "fulfillment_provider_not_found" });
  }
}
