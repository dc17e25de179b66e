import type { KioskServices } from "kiosk";
import type { Store } from "../models/store";

type Currency = Awaited<ReturnType<KioskServices["currencyService"]["retrieve"]>>;

interface ProviderRef {
  id: string;
  is_installed: boolean;
}

/**
 * The store as Medusa v1 answers it: its row with its `currencies` and
 * `default_currency`, and the installed payment and fulfillment providers.
 */
export type StoreView = Omit<Store, "beforeInsertKiosk" | "beforeUpdateKiosk"> & {
  currencies: Currency[];
  default_currency: Currency | null;
  payment_providers: ProviderRef[];
  fulfillment_providers: ProviderRef[];
};

export function storeView(
  store: Store,
  currencies: Currency[],
  providers: { payment_providers: ProviderRef[]; fulfillment_providers: ProviderRef[] },
): StoreView {
  const default_currency = currencies.find((c) => c.code === store.default_currency_code) ?? null;
  return { ...store, currencies, default_currency, ...providers };
}
