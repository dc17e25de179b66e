import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * What a `taxCalculation` strategy answers is checked before the totals read it
 * (`src/modules/cart/lib/tax-result.ts`), on the built code as the other unit tests.
 */
const load = createRequire(import.meta.url);
const { checkedTaxResult } = load("../../dist/src/modules/cart/lib/tax-result.js") as typeof import("../../src/modules/cart/lib/tax-result");

const line = (rate: unknown) => ({ rate, name: "VAT", code: "VAT" });

describe("a tax strategy's answer", () => {
  it("passes through when every rate is a finite number of at least 0", () => {
    const result = { lines: { li_1: [line(19), line(1.5)], li_2: [line(0)] }, shipping_methods: { sm_1: [] } };
    expect(checkedTaxResult(result as never)).toEqual(result);
  });

  it("takes a missing answer or map as 'the region's rate' (nothing declared)", () => {
    expect(checkedTaxResult(undefined)).toEqual({ lines: {}, shipping_methods: {} });
    expect(checkedTaxResult({ lines: { li_1: [line(5)] } } as never)).toEqual({ lines: { li_1: [line(5)] }, shipping_methods: {} });
  });

  it.each([
    ["NaN", { lines: { li_1: [line(Number.NaN)] } }, /line li_1 the tax rate NaN/],
    ["Infinity", { lines: { li_1: [line(Number.POSITIVE_INFINITY)] } }, /line li_1 the tax rate Infinity/],
    ["a negative rate", { shipping_methods: { sm_1: [line(-5)] } }, /shipping method sm_1 the tax rate -5/],
    ["a rate as a string", { lines: { li_1: [line("19")] } }, /line li_1 the tax rate "19"/],
    ["a missing rate", { lines: { li_1: [{ name: "VAT", code: null }] } }, /line li_1 the tax rate undefined/],
    ["a tax line that is not an object", { lines: { li_1: [null] } }, /line li_1 the tax rate undefined/],
    ["one tax line instead of a list", { lines: { li_1: line(19) } }, /line li_1 \[object Object\] instead of a list of tax lines/],
    ["a list instead of a map", { lines: [line(19)] }, /gave lines \[object Object\] instead of a map/],
  ])("refuses %s with a 422 naming the strategy and the line", (_what, result, message) => {
    let error: unknown;
    try {
      checkedTaxResult(result as never);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ status: 422, code: "tax_rate_invalid" });
    expect((error as Error).message).toMatch(/^The taxCalculation strategy gave /);
    expect((error as Error).message).toMatch(message);
  });
});
