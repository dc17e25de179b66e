/** Money is an integer in the currency's minor unit (cents); these turn it into text and back. */

const digitsCache = new Map<string, number>();

/** 2 for EUR, 0 for JPY, 3 for KWD. */
export function fractionDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

/** 1999, "eur" -> "€19.99" (BigInt-safe: the integer is split as text, never divided as a float). */
export function formatMoney(amount: number | string | null | undefined, currency: string | undefined): string {
  if (amount === null || amount === undefined || !currency) return "–";
  const digits = fractionDigits(currency);
  const text = BigInt(amount).toString();
  const negative = text.startsWith("-");
  const raw = (negative ? text.slice(1) : text).padStart(digits + 1, "0");
  const major = raw.slice(0, raw.length - digits);
  const minor = raw.slice(raw.length - digits);
  const symbol = new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase(), currencyDisplay: "narrowSymbol" })
    .formatToParts(0)
    .find((p) => p.type === "currency")?.value;
  const grouped = major.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${symbol ?? currency.toUpperCase() + " "}${grouped}${digits ? "." + minor : ""}`;
}

/** "19.99", "eur" -> 1999; undefined for text that is not an amount with at most the currency's digits. */
export function parseMoney(text: string, currency: string): number | undefined {
  const digits = fractionDigits(currency);
  const m = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!m || (m[2] ?? "").length > digits) return undefined;
  const value = Number(m[1] + (m[2] ?? "").padEnd(digits, "0"));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** 1999, "eur" -> "19.99", for an input's value. */
export function moneyInput(amount: number, currency: string): string {
  const digits = fractionDigits(currency);
  if (!digits) return String(amount);
  const raw = String(amount).padStart(digits + 1, "0");
  return `${raw.slice(0, -digits)}.${raw.slice(-digits)}`;
}
