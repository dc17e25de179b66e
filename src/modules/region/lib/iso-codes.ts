/**
 * Countries and currencies come from the runtime's ICU data (Intl), so the
 * module carries no hand-kept tables of ISO codes.
 */
let names: { regions: Intl.DisplayNames; currencies: Intl.DisplayNames } | undefined;

/** Built on first use: loading ICU's display-name data costs a booting server about 4 MB it may never need. */
function displayNames() {
  names ??= { regions: new Intl.DisplayNames(["en"], { type: "region" }), currencies: new Intl.DisplayNames(["en"], { type: "currency" }) };
  return names;
}

/** The English name of an ISO 3166-1 alpha-2 code, or undefined when it is not a country. */
export function countryName(iso2: string): string | undefined {
  if (!/^[a-z]{2}$/i.test(iso2)) return undefined;
  const name = displayNames().regions.of(iso2.toUpperCase());
  return name && name !== iso2.toUpperCase() && name !== "Unknown Region" ? name : undefined;
}

export interface CurrencyRow {
  code: string;
  name: string;
  symbol: string;
  symbol_native: string;
  decimal_digits: number;
}

function symbolOf(code: string, display: "symbol" | "narrowSymbol"): string {
  const parts = new Intl.NumberFormat("en", { style: "currency", currency: code, currencyDisplay: display }).formatToParts(0);
  return parts.find((p) => p.type === "currency")?.value ?? code.toUpperCase();
}

/** Every ISO 4217 currency the runtime knows, with its minor-unit digits. */
export function allCurrencies(): CurrencyRow[] {
  return Intl.supportedValuesOf("currency").map((code) => ({
    code: code.toLowerCase(),
    name: displayNames().currencies.of(code) ?? code,
    symbol: symbolOf(code, "symbol"),
    symbol_native: symbolOf(code, "narrowSymbol"),
    decimal_digits: new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2,
  }));
}
