/** The store row's first values, as Medusa v1's defaults ("Medusa Store" becomes "Kiosk Store"). */
export const STORE_DEFAULTS = { name: "Kiosk Store", default_currency_code: "usd" } as const;
