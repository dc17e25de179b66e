import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/**
 * The refund of returned units (`src/modules/return/lib/refund-amount.ts`),
 * on the built code: a line's returns, however split, add up to its total
 * exactly, and a refund is never negative nor past the largest amount.
 */
const load = createRequire(import.meta.url);
const { refundFor } = load("../../dist/src/modules/return/lib/refund-amount.js") as typeof import("../../src/modules/return/lib/refund-amount");

const NUM_RUNS = { numRuns: Number(process.env.FC_RUNS ?? 500) };

describe("return refunds", () => {
  it("splits a line's total over its units so that every way of returning them adds up to the total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 12 }), (total, parts) => {
        const quantity = parts.reduce((a, b) => a + b, 0);
        let returned = 0;
        let refunded = 0;
        for (const part of parts) {
          const refund = refundFor([{ id: "l", quantity, total, returned_quantity: returned }], [{ item_id: "l", quantity: part }], 0);
          expect(refund).toBeGreaterThanOrEqual(0);
          refunded += refund;
          returned += part;
        }
        expect(refunded).toBe(total);
      }),
      NUM_RUNS,
    );
  });

  it("takes the return shipping off, never below 0, and refuses a sum past the largest amount", () => {
    const line = { id: "l", quantity: 3, total: 11, returned_quantity: 0 };
    expect(refundFor([line], [{ item_id: "l", quantity: 1 }], 0)).toBe(4);
    expect(refundFor([{ ...line, returned_quantity: 1 }], [{ item_id: "l", quantity: 1 }], 0)).toBe(3);
    expect(refundFor([line], [{ item_id: "l", quantity: 3 }], 5)).toBe(6);
    expect(refundFor([line], [{ item_id: "l", quantity: 1 }], 500)).toBe(0);
    const max = Number.MAX_SAFE_INTEGER;
    const big = [
      { id: "a", quantity: 1, total: max, returned_quantity: 0 },
      { id: "b", quantity: 1, total: 1, returned_quantity: 0 },
    ];
    expect(refundFor(big, [{ item_id: "a", quantity: 1 }], 0)).toBe(max);
    expect(() => refundFor(big, [{ item_id: "a", quantity: 1 }, { item_id: "b", quantity: 1 }], 0)).toThrow(expect.objectContaining({ code: "amount_too_large" }));
    expect(refundFor(big, [{ item_id: "a", quantity: 1 }, { item_id: "b", quantity: 1 }], 1)).toBe(max);
  });
});
