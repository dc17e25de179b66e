/**
 * Exact tax on an amount in minor units, with BigInt where products grow past
 * `Number.MAX_SAFE_INTEGER`: a percentage is read as the decimal it is written
 * as (7.3 is 73/1000), and a result is rounded once, halves up, as the cart's
 * totals round a line (`cart/lib/totals.ts`).
 */

/** `percent / 100` as an exact fraction. */
function fraction(percent: number): [bigint, bigint] {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(percent));
  if (!match) throw new RangeError(`Not a percentage: ${percent}`);
  const [, whole, decimals = "", exponent = "0"] = match;
  const shift = Number(exponent) - decimals.length;
  return [BigInt(whole + decimals) * 10n ** BigInt(Math.max(0, shift)), 100n * 10n ** BigInt(Math.max(0, -shift))];
}

/** The sum of the rates, as `percent / 100` fraction. */
function total(percents: number[]): [bigint, bigint] {
  let [n, d] = [0n, 1n];
  for (const p of percents) {
    const [pn, pd] = fraction(p);
    [n, d] = [n * pd + pn * d, d * pd];
  }
  return [n, d];
}

/** `round(a * n / d)`, halves up, for a, n ≥ 0 and d > 0. */
function mulDiv(a: number, n: bigint, d: bigint): number {
  return Number((2n * BigInt(a) * n + d) / (2n * d));
}

/** The tax added on top of a tax-exclusive amount: each rate's share rounded on its own, then summed (as a cart line's tax lines). */
export function addedTax(amount: number, percents: number[]): number {
  return percents.reduce((sum, p) => {
    const [n, d] = fraction(p);
    return sum + mulDiv(amount, n, d);
  }, 0);
}

/** The tax inside a tax-inclusive amount: `round(amount * r / (100 + r))`, `r` the sum of the rates. */
export function includedTax(amount: number, percents: number[]): number {
  const [n, d] = total(percents);
  return n === 0n ? 0 : mulDiv(amount, n, d + n);
}

/** An amount with and without tax, given whether it includes tax. */
export function withTax(amount: number, percents: number[], includesTax: boolean): { incl: number; excl: number; tax: number } {
  const tax = includesTax ? includedTax(amount, percents) : addedTax(amount, percents);
  return includesTax ? { incl: amount, excl: amount - tax, tax } : { incl: amount + tax, excl: amount, tax };
}
