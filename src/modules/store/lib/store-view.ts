import type { KioskServices } from "kiosk";
import type { Store } from "../models/store";

type Currency = Awaited<ReturnType<KioskServices["currencyService"]["retrieve"]>>;

/** The store as Medusa v1 answers it: its row with its `currencies` and `default_currency`. */
export type StoreView = Omit<Store, "beforeInsertKiosk" | "beforeUpdateKiosk"> & {
  currencies: Currency[];
  default_currency: Currency | null;
};

export function storeView(store: Store, currencies: Currency[]): StoreView {
  const default_currency = currencies.find((c) => c.code === store.default_currency_code) ?? null;
  return { ...store, currencies, default_currency };
}
