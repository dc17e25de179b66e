import type { Region } from "../models/region";

export interface ProviderRef {
  id: string;
  is_installed: boolean;
}

/** A region as the API answers it (Medusa v1's shape): its row, countries and currency, and the providers that serve it. */
export type RegionView = Region & { payment_providers: ProviderRef[]; fulfillment_providers: ProviderRef[] };

export function regionView(region: Region, paymentProviders: ProviderRef[], fulfillmentProviders: ProviderRef[]): RegionView {
  return Object.assign(region, { payment_providers: paymentProviders, fulfillment_providers: fulfillmentProviders });
}
