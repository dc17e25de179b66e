import { UnavailableError, type FulfillmentProvider, type KioskServices } from "kiosk";
import { withTimeout } from "kiosk/internal";

/**
 * One call to a fulfillment provider, bounded by `fulfillments.timeout` as
 * the order's own fulfillments are: no answer in time is a 503
 * `fulfillment_provider_timeout`.
 */
export function callFulfillmentProvider<T>(cradle: KioskServices, id: string, call: (provider: FulfillmentProvider) => Promise<T>): Promise<T> {
  const provider = cradle.fulfillmentProviderService.retrieve(id);
  const { timeout } = cradle.config.fulfillments;
  return withTimeout(call(provider), timeout, () => new UnavailableError(`Fulfillment provider ${id} did not answer within ${timeout} ms`, "fulfillment_provider_timeout"));
}
