import { MAX_AMOUNT, UnprocessableError } from "kiosk";

/**
 * Integer arithmetic on amounts (minor units) that is exact at any size: the
 * products a total needs (a line's subtotal times a percentage, an amount
 * times a tax rate) can pass `Number.MAX_SAFE_INTEGER` even when the result
 * does not. Small values take the plain number path; the rest go through
 * BigInt. Amounts here are never negative.
 */

/** A computed amount as it is: a whole number up to `MAX_AMOUNT`, or a 422 `amount_too_large`. */
export function checkedAmount(amount: number, what: string): number {
  if (!Number.isSafeInteger(amount)) {
    throw new UnprocessableError(
      `The ${what} would be more than ${MAX_AMOUNT}, the largest amount that can be computed exactly`,
      "amount_too_large",
    );
  }
  return amount;
}

/** `round(a * b / c)`, halves up (as `Math.round`), for whole numbers a, b ≥ 0 and c > 0. */
export function mulDivRound(a: number | bigint, b: number | bigint, c: number | bigint): number {
  if (typeof a === "number" && typeof b === "number" && typeof c === "number") {
    const n = a * b;
    if (Number.isSafeInteger(2 * n + 4 * c)) {
      const q = Math.round(n / c);
      // 2n within [(2q - 1)c, (2q + 1)c): q is the exact rounding.
      if ((2 * q - 1) * c <= 2 * n && 2 * n < (2 * q + 1) * c) return q;
    }
  }
  const [x, y, z] = [BigInt(a), BigInt(b), BigInt(c)];
  return Number((2n * x * y + z) / (2n * z));
}

/** `floor(a * b / c)` and what is left over (`a * b mod c`), for whole numbers a, b ≥ 0 and c > 0. */
export function mulDivFloor(a: number, b: number, c: number): { quotient: number; remainder: number } {
  const n = a * b;
  if (Number.isSafeInteger(n + 2 * c)) {
    let quotient = Math.floor(n / c);
    let remainder = n - quotient * c;
    if (remainder < 0) [quotient, remainder] = [quotient - 1, remainder + c];
    else if (remainder >= c) [quotient, remainder] = [quotient + 1, remainder - c];
    return { quotient, remainder };
  }
  const [x, z] = [BigInt(a) * BigInt(b), BigInt(c)];
  return { quotient: Number(x / z), remainder: Number(x % z) };
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * A percentage as the fraction `numerator / denominator` it reads as in
 * decimal (7.3 is 73/1000, not the binary double nearest to it).
 */
function percentFraction(percent: number): { numerator: number | bigint; denominator: number | bigint } {
  const match = DECIMAL.exec(String(percent));
  if (!match) throw new RangeError(`Not a percentage: ${percent}`);
  const [, whole, fraction = "", exponent = "0"] = match;
  const shift = Number(exponent) - fraction.length;
  const digits = BigInt(whole + fraction) * 10n ** BigInt(Math.max(0, shift));
  const denominator = 100n * 10n ** BigInt(Math.max(0, -shift));
  const small = digits <= BigInt(MAX_AMOUNT) && denominator <= BigInt(MAX_AMOUNT);
  return small ? { numerator: Number(digits), denominator: Number(denominator) } : { numerator: digits, denominator };
}

const fractions = new Map<number, ReturnType<typeof percentFraction>>();

/** `round(amount * percent / 100)`, halves up, exact; `percent` as written in decimal (a tax rate of 7.5). */
export function percentOf(amount: number, percent: number): number {
  let fraction = fractions.get(percent);
  if (!fraction) {
    fraction = percentFraction(percent);
    if (fractions.size < 1000) fractions.set(percent, fraction);
  }
  return mulDivRound(amount, fraction.numerator, fraction.denominator);
}

function fractionOf(percent: number): ReturnType<typeof percentFraction> {
  let fraction = fractions.get(percent);
  if (!fraction) {
    fraction = percentFraction(percent);
    if (fractions.size < 1000) fractions.set(percent, fraction);
  }
  return fraction;
}

/**
 * The tax inside a tax-inclusive amount: `round(amount * r / (100 + r))`, halves
 * up, exact, where `r` is the sum of `percents` (each as written in decimal). What
 * is left, `amount - includedTax(…)`, is the amount before tax, so the two add up
 * to the amount exactly.
 */
export function includedTax(amount: number, percents: number[]): number {
  let numerator = 0n;
  let denominator = 1n;
  for (const percent of percents) {
    const f = fractionOf(percent);
    numerator = numerator * BigInt(f.denominator) + BigInt(f.numerator) * denominator;
    denominator *= BigInt(f.denominator);
  }
  if (numerator === 0n || amount === 0) return 0;
  return mulDivRound(amount, numerator, denominator + numerator);
}
