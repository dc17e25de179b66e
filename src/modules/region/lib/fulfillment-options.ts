import { UnavailableError, type KioskServices } from "kiosk";
import { withTimeout } from "kiosk/internal";

export interface FulfillmentOptions {
  provider_id: string;
  options: Record<string, unknown>[];
}

/**
 * Each of the given (installed) fulfillment providers' options, as Medusa v1 lists them for a
 * region; a provider without `getFulfillmentOptions` has none. Each call is
 * bounded by `fulfillments.timeout` (503 `fulfillment_provider_timeout`).
 */
export async function listFulfillmentOptions(cradle: KioskServices, providerIds: string[]): Promise<FulfillmentOptions[]> {
  const registry = cradle.fulfillmentProviderService;
  const { timeout } = cradle.config.fulfillments;
  return Promise.all(
    providerIds.map(async (id) => {
      const provider = registry.retrieve(id);
      const call = provider.getFulfillmentOptions ? provider.getFulfillmentOptions() : Promise.resolve([]);
      const onTimeout = () => new UnavailableError(`Fulfillment provider ${id} did not answer within ${timeout} ms`, "fulfillment_provider_timeout");
      return { provider_id: id, options: await withTimeout(call, timeout, onTimeout) };
    }),
  );
}
