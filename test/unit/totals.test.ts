import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LineAdjustment, TotalsDiscount, TotalsLine, TotalsResult } from "../../src/modules/cart/lib/totals";

/**
 * Properties of the cart totals (`src/modules/cart/lib/totals.ts`) and the
 * exact arithmetic under them (`amount-math.ts`), checked on the built code
 * (as `outages.test.ts` loads kernel internals), against what their comments
 * and the cart module's README promise.
 */
const load = createRequire(import.meta.url);
const { calculateTotals } = load("../../dist/src/modules/cart/lib/totals.js") as typeof import("../../src/modules/cart/lib/totals");
const math = load("../../dist/src/modules/cart/lib/amount-math.js") as typeof import("../../src/modules/cart/lib/amount-math");

const MAX = Number.MAX_SAFE_INTEGER;
const NUM_RUNS = { numRuns: Number(process.env.FC_RUNS ?? 500) };

// ---------------------------------------------------------------------------
// References: the same rules written plainly in BigInt.

/** `round(n / d)`, halves up, for n ≥ 0 and d > 0. */
const roundHalfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

/** A tax rate as the API accepts it (0 to 100, at most 4 decimal places) and its exact value in ten-thousandths. */
const taxRate = fc.integer({ min: 0, max: 1_000_000 }).map((tenThousandths) => ({ rate: tenThousandths / 10_000, tenThousandths }));

/** `round(amount * rate / 100)` for a rate given in ten-thousandths of a percent. */
const taxOf = (amount: number, tenThousandths: number) => Number(roundHalfUp(BigInt(amount) * BigInt(tenThousandths), 1_000_000n));

// ---------------------------------------------------------------------------
// Carts.

const smallAmount = fc.integer({ min: 0, max: 10_000_000 });
/** Mostly everyday prices, sometimes ones near the largest amount (where products pass 2^53). */
const amount = fc.oneof({ weight: 4, arbitrary: smallAmount }, { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX }) });

const lineId = fc.stringMatching(/^[a-z0-9]{1,4}$/).map((s) => `item_${s}`);
const lines = (price: fc.Arbitrary<number> = smallAmount) =>
  fc.uniqueArray(
    fc.record({
      id: lineId,
      unit_price: price,
      quantity: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }) }),
      allow_discounts: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
    { minLength: 0, maxLength: 8, selector: (l) => l.id },
  ) as fc.Arbitrary<TotalsLine[]>;

const percentage = fc.integer({ min: 1, max: 100 }).map((value) => rule("percentage", value, "total"));
const fixedTotal = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: MAX })).map((v) => rule("fixed", v, "total"));
const fixedItem = fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: MAX })).map((v) => rule("fixed", v, "item"));
const freeShipping = fc.constant(null).map(() => rule("free_shipping", 0, "total"));
const discount = fc.oneof(percentage, fixedTotal, fixedItem, freeShipping);

let discountSeq = 0;
function rule(type: string, value: number, allocation: string | null): TotalsDiscount {
  const id = `disc_${++discountSeq}`;
  return { id, code: id.toUpperCase(), rule: { type, value, allocation } };
}

const shippingPrices = fc.array(smallAmount, { maxLength: 3 });

const cart = fc.record({
  lines: lines(),
  shippingPrices,
  tax: taxRate,
  discounts: fc.array(discount, { maxLength: 3 }),
});

type Cart = { lines: TotalsLine[]; shippingPrices: number[]; tax: { rate: number; tenThousandths: number }; discounts: TotalsDiscount[] };

const totalsOf = (c: Cart, adjustments?: LineAdjustment[]) =>
  calculateTotals({ lines: c.lines, shippingPrices: c.shippingPrices, taxRate: c.tax.rate, discounts: c.discounts, adjustments });

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** What every result promises, whatever the discounts. */
function expectConsistent(c: Cart, r: TotalsResult) {
  const t = r.totals;
  for (const [name, value] of Object.entries(t)) {
    expect(Number.isSafeInteger(value) && value >= 0, `${name} = ${value}`).toBe(true);
  }
  const perLine = c.lines.map((l) => r.lines.get(l.id)!);
  for (const [i, l] of c.lines.entries()) {
    const lt = perLine[i];
    for (const [name, value] of Object.entries(lt)) {
      if (name !== "adjustments") expect(Number.isSafeInteger(value) && value >= 0, `line ${l.id} ${name} = ${value}`).toBe(true);
    }
    expect(lt.subtotal).toBe(l.unit_price * l.quantity);
    expect(lt.discount_total).toBeLessThanOrEqual(lt.subtotal);
    for (const a of lt.adjustments) {
      expect(a.item_id).toBe(l.id);
      expect(Number.isSafeInteger(a.amount) && a.amount > 0).toBe(true);
    }
    expect(lt.discount_total).toBe(sum(lt.adjustments.map((a) => a.amount)));
    if (!l.allow_discounts) expect(lt.adjustments).toEqual([]);
    // Tax per line, on the line after its discount, rounded on its own.
    expect(lt.tax_total).toBe(taxOf(lt.subtotal - lt.discount_total, c.tax.tenThousandths));
    expect(lt.original_tax_total).toBe(taxOf(lt.subtotal, c.tax.tenThousandths));
    expect(lt.total).toBe(lt.subtotal - lt.discount_total + lt.tax_total);
    expect(lt.original_total).toBe(lt.subtotal + lt.original_tax_total);
  }
  expect(t.subtotal).toBe(sum(perLine.map((l) => l.subtotal)));
  expect(t.discount_total).toBe(sum(perLine.map((l) => l.discount_total)));
  expect(t.raw_discount_total).toBe(t.discount_total);
  expect(t.item_tax_total).toBe(sum(perLine.map((l) => l.tax_total)));
  expect(t.shipping_total).toBe(sum(r.shipping_prices));
  expect(t.shipping_tax_total).toBe(sum(r.shipping_prices.map((p) => taxOf(p, c.tax.tenThousandths))));
  expect(t.tax_total).toBe(t.item_tax_total + t.shipping_tax_total);
  // The identity the module documents, and the same total seen line by line.
  expect(t.total).toBe(t.subtotal - t.discount_total + t.shipping_total + t.tax_total);
  expect(t.total).toBe(sum(perLine.map((l) => l.total)) + t.shipping_total + t.shipping_tax_total);
  expect(t.gift_card_total).toBe(0);
  expect(t.gift_card_tax_total).toBe(0);
  // Free shipping prices every method at 0; otherwise the prices are as given, in order.
  expect(r.free_shipping).toBe(c.discounts.some((d) => d.rule.type === "free_shipping"));
  expect(r.shipping_prices).toEqual(r.free_shipping ? c.shippingPrices.map(() => 0) : c.shippingPrices);
}

/** The carts whose lines get a discount: discountable, with something to take from. */
const eligible = (c: Cart) => c.lines.filter((l) => l.allow_discounts && l.unit_price * l.quantity > 0);

describe("calculateTotals", () => {
  it("is internally consistent for any cart: whole non-negative amounts, total = subtotal - discount + shipping + tax, tax per line", () => {
    fc.assert(
      fc.property(cart, (c) => expectConsistent(c, totalsOf(c))),
      NUM_RUNS,
    );
  });

  it("either computes every amount exactly or refuses with amount_too_large, near the largest amount too", () => {
    const big = fc.record({
      lines: lines(amount),
      shippingPrices: fc.array(amount, { maxLength: 3 }),
      tax: taxRate,
      discounts: fc.array(discount, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(big, (c) => {
        let r: TotalsResult;
        try {
          r = totalsOf(c);
        } catch (err) {
          expect((err as { code?: string; status?: number }).code).toBe("amount_too_large");
          expect((err as { status?: number }).status).toBe(422);
          // Refused only when some amount really is past the largest one.
          const subtotals = c.lines.map((l) => BigInt(l.unit_price) * BigInt(l.quantity));
          const shipping = c.shippingPrices.reduce((a, p) => a + BigInt(p), 0n);
          const subtotal = subtotals.reduce((a, s) => a + s, 0n);
          const taxed = roundHalfUp((subtotal + shipping) * BigInt(c.tax.tenThousandths), 1_000_000n);
          expect(subtotals.some((s) => s > BigInt(MAX)) || subtotal + shipping + taxed + BigInt(c.lines.length + c.shippingPrices.length) > BigInt(MAX)).toBe(true);
          return;
        }
        expectConsistent(c, r);
      }),
      NUM_RUNS,
    );
  });

  it("a percentage takes round(subtotal * value / 100) of each discountable line, rounded per line", () => {
    fc.assert(
      fc.property(lines(), percentage, taxRate, (ls, d, tax) => {
        const c = { lines: ls, shippingPrices: [], tax, discounts: [d] };
        const r = totalsOf(c);
        expectConsistent(c, r);
        for (const l of ls) {
          const expected = l.allow_discounts ? Number(roundHalfUp(BigInt(l.unit_price * l.quantity) * BigInt(d.rule.value), 100n)) : 0;
          expect(r.lines.get(l.id)!.discount_total).toBe(expected);
        }
      }),
      NUM_RUNS,
    );
  });

  it("a fixed item amount takes the value per unit, at most the line", () => {
    fc.assert(
      fc.property(lines(), fixedItem, (ls, d) => {
        const c = { lines: ls, shippingPrices: [], tax: { rate: 0, tenThousandths: 0 }, discounts: [d] };
        const r = totalsOf(c);
        expectConsistent(c, r);
        for (const l of ls) {
          const perUnit = BigInt(d.rule.value) * BigInt(l.quantity);
          const subtotal = BigInt(l.unit_price * l.quantity);
          const expected = l.allow_discounts ? Number(perUnit < subtotal ? perUnit : subtotal) : 0;
          expect(r.lines.get(l.id)!.discount_total).toBe(expected);
        }
      }),
      NUM_RUNS,
    );
  });

  it("a fixed total amount is spread in proportion, adds up exactly to min(value, discountable subtotal), the remainders to the largest fractions", () => {
    fc.assert(
      fc.property(lines(amount), fixedTotal, (ls, d) => {
        const c = { lines: ls, shippingPrices: [], tax: { rate: 0, tenThousandths: 0 }, discounts: [d] };
        let r: TotalsResult;
        try {
          r = totalsOf(c);
        } catch (err) {
          expect((err as { code?: string }).code).toBe("amount_too_large");
          return;
        }
        expectConsistent(c, r);
        const base = BigInt(sum(eligible(c).map((l) => l.unit_price * l.quantity)));
        const spread = base < BigInt(d.rule.value) ? base : BigInt(d.rule.value);
        expect(BigInt(r.totals.discount_total)).toBe(spread);
        if (!spread) return;
        // Each line gets floor or floor + 1 of its exact share; the +1s go to the largest remainders (ties: the smaller id).
        const shares = eligible(c).map((l) => {
          const exact = BigInt(l.unit_price * l.quantity) * spread;
          return { id: l.id, floor: exact / base, fraction: exact % base, got: BigInt(r.lines.get(l.id)!.discount_total) };
        });
        for (const s of shares) {
          expect(s.got - s.floor === 0n || (s.got - s.floor === 1n && s.fraction > 0n), `${s.id}: ${s.got} of ${s.floor}+${s.fraction}/${base}`).toBe(true);
        }
        for (const up of shares.filter((s) => s.got > s.floor)) {
          for (const down of shares.filter((s) => s.got === s.floor)) {
            expect(up.fraction > down.fraction || (up.fraction === down.fraction && up.id < down.id)).toBe(true);
          }
        }
      }),
      NUM_RUNS,
    );
  });

  it("does not depend on the order of the lines", () => {
    fc.assert(
      fc.property(
        cart.chain((c) => fc.shuffledSubarray(c.lines, { minLength: c.lines.length, maxLength: c.lines.length }).map((shuffled) => [c, shuffled] as const)),
        ([c, shuffled]) => {
          const a = totalsOf(c);
          const b = totalsOf({ ...c, lines: shuffled });
          expect(b.totals).toEqual(a.totals);
          for (const l of c.lines) expect(b.lines.get(l.id)!.discount_total).toBe(a.lines.get(l.id)!.discount_total);
        },
      ),
      NUM_RUNS,
    );
  });

  it("several discounts never take more than a line, each line's parts adding up to its discount", () => {
    fc.assert(
      fc.property(cart, (c) => {
        const r = totalsOf(c);
        expectConsistent(c, r);
        const byDiscount = new Map<string, number>();
        for (const lt of r.lines.values()) for (const a of lt.adjustments) byDiscount.set(a.discount_id, (byDiscount.get(a.discount_id) ?? 0) + a.amount);
        for (const d of c.discounts) {
          if (d.rule.type === "free_shipping") expect(byDiscount.has(d.id)).toBe(false);
          if (d.rule.type === "fixed" && d.rule.allocation === "total") expect(byDiscount.get(d.id) ?? 0).toBeLessThanOrEqual(d.rule.value);
        }
      }),
      NUM_RUNS,
    );
  });

  it("an order's totals, computed from the adjustments its cart froze, are the cart's", () => {
    fc.assert(
      fc.property(cart, (c) => {
        const atCart = totalsOf(c);
        const frozen = [...atCart.lines.values()].flatMap((l) => l.adjustments);
        const atOrder = totalsOf(c, frozen);
        expect(atOrder.totals).toEqual(atCart.totals);
        for (const l of c.lines) expect(atOrder.lines.get(l.id)).toEqual(atCart.lines.get(l.id));
      }),
      NUM_RUNS,
    );
  });

  it("stored adjustments replace the discount rules, and a line's discount is at most the line", () => {
    fc.assert(
      fc.property(
        cart.chain((c) =>
          fc
            .array(
              fc.record({
                item_id: c.lines.length ? fc.constantFrom(...c.lines.map((l) => l.id)) : fc.constant("item_gone"),
                discount_id: fc.constant("disc_stored"),
                description: fc.constant("discount"),
                amount: fc.integer({ min: 1, max: 1_000_000 }),
              }),
              { maxLength: 6 },
            )
            .map((adjustments) => [c, adjustments] as const),
        ),
        ([c, adjustments]) => {
          const r = totalsOf(c, adjustments);
          for (const l of c.lines) {
            const own = adjustments.filter((a) => a.item_id === l.id);
            const lt = r.lines.get(l.id)!;
            expect(lt.adjustments).toEqual(own);
            expect(lt.discount_total).toBe(Math.min(lt.subtotal, sum(own.map((a) => a.amount))));
            expect(lt.tax_total).toBe(taxOf(lt.subtotal - lt.discount_total, c.tax.tenThousandths));
          }
          expect(r.totals.total).toBe(r.totals.subtotal - r.totals.discount_total + r.totals.shipping_total + r.totals.tax_total);
          expect(r.free_shipping).toBe(c.discounts.some((d) => d.rule.type === "free_shipping"));
        },
      ),
      NUM_RUNS,
    );
  });

  // Examples that show the rules the properties state in general.

  it("rounds tax per line, not on the sum: two 1-cent lines at 50% pay 1 each", () => {
    const r = calculateTotals({
      lines: [
        { id: "a", unit_price: 1, quantity: 1, allow_discounts: true },
        { id: "b", unit_price: 1, quantity: 1, allow_discounts: true },
      ],
      shippingPrices: [1],
      taxRate: 50,
      discounts: [],
    });
    expect(r.totals).toMatchObject({ subtotal: 2, item_tax_total: 2, shipping_tax_total: 1, tax_total: 3, total: 6 });
  });

  it("rounds a percentage per line: 15% of three 10-cent lines is 2 + 2 + 2, not round(4.5)", () => {
    const lines = ["a", "b", "c"].map((id) => ({ id, unit_price: 10, quantity: 1, allow_discounts: true }));
    const r = calculateTotals({ lines, shippingPrices: [], taxRate: 0, discounts: [rule("percentage", 15, "total")] });
    expect(lines.map((l) => r.lines.get(l.id)!.discount_total)).toEqual([2, 2, 2]);
    expect(r.totals.discount_total).toBe(6);
  });

  it("spreads 100 over three equal lines as 34 + 33 + 33, the extra cent to the first id", () => {
    const lines = ["c", "a", "b"].map((id) => ({ id, unit_price: 500, quantity: 1, allow_discounts: true }));
    const r = calculateTotals({ lines, shippingPrices: [], taxRate: 0, discounts: [rule("fixed", 100, "total")] });
    expect(Object.fromEntries([...r.lines].map(([id, l]) => [id, l.discount_total]))).toEqual({ a: 34, b: 33, c: 33 });
  });

  it("takes a fixed total amount only from discountable lines, and at most their subtotal", () => {
    const r = calculateTotals({
      lines: [
        { id: "a", unit_price: 300, quantity: 1, allow_discounts: true },
        { id: "gift", unit_price: 5000, quantity: 1, allow_discounts: false },
      ],
      shippingPrices: [700],
      taxRate: 10,
      discounts: [rule("fixed", 1000, "total")],
    });
    expect(r.lines.get("a")!.discount_total).toBe(300);
    expect(r.lines.get("gift")!.discount_total).toBe(0);
    expect(r.totals).toMatchObject({ subtotal: 5300, discount_total: 300, shipping_total: 700, tax_total: 500 + 70, total: 5300 - 300 + 700 + 570 });
  });

  it("free shipping prices every method at 0 and leaves the lines alone", () => {
    const ls = [{ id: "a", unit_price: 999, quantity: 2, allow_discounts: true }];
    const r = calculateTotals({ lines: ls, shippingPrices: [500, 250], taxRate: 20, discounts: [rule("free_shipping", 0, "total")] });
    expect(r.free_shipping).toBe(true);
    expect(r.shipping_prices).toEqual([0, 0]);
    expect(r.totals).toMatchObject({ subtotal: 1998, discount_total: 0, shipping_total: 0, shipping_tax_total: 0, total: 1998 + 400 });
  });
});

describe("amount-math", () => {
  const whole = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: MAX }));
  const positive = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: MAX }));

  it("mulDivRound is round(a * b / c), halves up, exactly", () => {
    fc.assert(
      fc.property(whole, whole, positive, (a, b, c) => {
        const expected = roundHalfUp(BigInt(a) * BigInt(b), BigInt(c));
        fc.pre(expected <= BigInt(MAX));
        expect(math.mulDivRound(a, b, c)).toBe(Number(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it("mulDivRound rounds halves up", () => {
    expect(math.mulDivRound(1, 1, 2)).toBe(1);
    expect(math.mulDivRound(5, 1, 2)).toBe(3);
    expect(math.mulDivRound(1, 1, 3)).toBe(0);
    expect(math.mulDivRound(MAX, 1, 2)).toBe(Number((BigInt(MAX) + 1n) / 2n));
  });

  it("mulDivFloor is floor(a * b / c) and a * b mod c, exactly", () => {
    fc.assert(
      fc.property(whole, whole, positive, (a, b, c) => {
        const n = BigInt(a) * BigInt(b);
        fc.pre(n / BigInt(c) <= BigInt(MAX));
        expect(math.mulDivFloor(a, b, c)).toEqual({ quotient: Number(n / BigInt(c)), remainder: Number(n % BigInt(c)) });
      }),
      { numRuns: 2000 },
    );
  });

  it("percentOf reads a rate as the decimal it is written as", () => {
    fc.assert(
      fc.property(whole, taxRate, (a, { tenThousandths }) => {
        const expected = roundHalfUp(BigInt(a) * BigInt(tenThousandths), 1_000_000n);
        fc.pre(expected <= BigInt(MAX));
        expect(math.percentOf(a, tenThousandths / 10_000)).toBe(Number(expected));
      }),
      { numRuns: 2000 },
    );
    // Decimals of up to 15 significant digits at any scale, written the way String() writes them (1e-7, 1.5e+21).
    fc.assert(
      fc.property(whole, fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: -20, max: 5 }), (a, digits, exponent) => {
        const percent = Number(`${digits}e${exponent}`);
        const [num, den] = exponent >= 0 ? [digits * 10n ** BigInt(exponent), 100n] : [digits, 100n * 10n ** BigInt(-exponent)];
        const expected = roundHalfUp(BigInt(a) * num, den);
        fc.pre(expected <= BigInt(MAX));
        expect(math.percentOf(a, percent)).toBe(Number(expected));
      }),
      { numRuns: 2000 },
    );
    expect(math.percentOf(1000, 7.3)).toBe(73);
    expect(math.percentOf(5, 10)).toBe(1); // 0.5 rounds up
    expect(math.percentOf(15, 8.875)).toBe(1); // 1.33125
  });

  it("checkedAmount passes whole amounts up to the largest and refuses the rest with a 422 amount_too_large", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), (a) => {
        expect(math.checkedAmount(a, "x")).toBe(a);
      }),
    );
    for (const bad of [MAX + 1, MAX * 2, 1.5, Number.NaN, Infinity]) {
      let error: { status?: number; code?: string } | undefined;
      try {
        math.checkedAmount(bad, "total");
      } catch (err) {
        error = err as typeof error;
      }
      expect(error).toMatchObject({ status: 422, code: "amount_too_large" });
    }
  });
});

describe("tax-inclusive totals", () => {
  /** `round(gross * r / (100 + r))` for a rate in ten-thousandths of a percent, in BigInt. */
  const includedOf = (gross: number, tenThousandths: number) =>
    Number(roundHalfUp(BigInt(gross) * BigInt(tenThousandths), 1_000_000n + BigInt(tenThousandths)));

  it("extracts the tax once per line, and the line's total is its price to the cent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 1000 }), taxRate, (unit, quantity, { rate, tenThousandths }) => {
        const line: TotalsLine = { id: "l", unit_price: unit, quantity, allow_discounts: true, includes_tax: true };
        const { totals, lines } = calculateTotals({ lines: [line], shippingPrices: [], taxRate: rate, discounts: [] });
        const gross = unit * quantity;
        const t = lines.get("l")!;
        expect(t.tax_total).toBe(includedOf(gross, tenThousandths));
        expect(t.total).toBe(gross);
        expect(t.subtotal + t.tax_total).toBe(gross);
        expect(totals.total).toBe(gross);
        expect(totals.subtotal - totals.discount_total + totals.shipping_total + totals.tax_total).toBe(totals.total);
      }),
      NUM_RUNS,
    );
  });

  it("takes discounts from the price as shown, and shipping that includes tax costs its price", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100_000 }), taxRate, (unit, percent, ship, { rate }) => {
        const line: TotalsLine = { id: "l", unit_price: unit, quantity: 3, allow_discounts: true, includes_tax: true };
        const discount: TotalsDiscount = { id: "d", code: "D", rule: { type: "percentage", value: percent, allocation: "total" } };
        const { totals, lines } = calculateTotals({ lines: [line], shippingPrices: [ship], shippingIncludesTax: [true], taxRate: rate, discounts: [discount] });
        const taken = Math.round((unit * 3 * percent) / 100);
        expect(lines.get("l")!.total).toBe(unit * 3 - taken);
        expect(totals.total).toBe(unit * 3 - taken + ship);
        expect(totals.shipping_total + totals.shipping_tax_total).toBe(ship);
        expect(totals.discount_total).toBeGreaterThanOrEqual(0);
        expect(totals.subtotal - totals.discount_total + totals.shipping_total + totals.tax_total).toBe(totals.total);
      }),
      NUM_RUNS,
    );
  });

  it("rounds a line with several rates once, on their sum", () => {
    const line: TotalsLine = { id: "l", unit_price: 1999, quantity: 1, allow_discounts: true, includes_tax: true };
    const { lines } = calculateTotals({ lines: [line], shippingPrices: [], taxRate: 0, lineTaxRates: new Map([["l", [5, 2.25]]]), discounts: [] });
    expect(lines.get("l")).toMatchObject({ subtotal: 1864, tax_total: 135, total: 1999 });
    expect(math.includedTax(Number.MAX_SAFE_INTEGER, [99.9999])).toBe(includedOf(Number.MAX_SAFE_INTEGER, 999_999));
  });
});
