import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/**
 * A refund claim's computed amount (`src/modules/claim/lib/claim-refund.ts`),
 * on the built code, beside the returns' (`refundFor`): a claim's share of a
 * line is taken after the units already returned or claimed, so a line
 * returned in parts and then claimed in parts gives back exactly its total.
 */
const load = createRequire(import.meta.url);
const { claimRefund } = load("../../dist/src/modules/claim/lib/claim-refund.js") as typeof import("../../src/modules/claim/lib/claim-refund");
const { refundFor } = load("../../dist/src/modules/return/lib/refund-amount.js") as typeof import("../../src/modules/return/lib/refund-amount");

const NUM_RUNS = { numRuns: Number(process.env.FC_RUNS ?? 500) };

describe("claim refunds", () => {
  it("splits a line's total over returns and then claims so that they add up to the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
        (total, returns, claims) => {
          const quantity = [...returns, ...claims].reduce((sum, n) => sum + n, 0);
          let returned = 0;
          let claimed = 0;
          let refunded = 0;
          for (const units of returns) {
            refunded += refundFor([{ id: "l", quantity, total, returned_quantity: returned }], [{ item_id: "l", quantity: units }], 0);
            returned += units;
          }
          for (const units of claims) {
            const refund = claimRefund([{ id: "l", quantity, total, returned_quantity: returned }], [{ item_id: "l", quantity: units }], new Map([["l", claimed]]));
            expect(refund).toBeGreaterThanOrEqual(0);
            refunded += refund;
            claimed += units;
          }
          expect(refunded).toBe(total);
        },
      ),
      NUM_RUNS,
    );
  });

  it("rounds halves up, ignores lines of other orders, and refuses a sum past the largest amount", () => {
    const line = { id: "l", quantity: 3, total: 11, returned_quantity: 0 };
    expect(claimRefund([line], [{ item_id: "l", quantity: 1 }], new Map())).toBe(4);
    expect(claimRefund([line], [{ item_id: "l", quantity: 1 }], new Map([["l", 1]]))).toBe(3);
    expect(claimRefund([{ ...line, returned_quantity: 2 }], [{ item_id: "l", quantity: 1 }], new Map())).toBe(4);
    expect(claimRefund([line], [{ item_id: "other", quantity: 1 }], new Map())).toBe(0);
    const max = Number.MAX_SAFE_INTEGER;
    const big = [
      { id: "a", quantity: 1, total: max, returned_quantity: 0 },
      { id: "b", quantity: 1, total: 1, returned_quantity: 0 },
    ];
    expect(claimRefund(big, [{ item_id: "a", quantity: 1 }], new Map())).toBe(max);
    expect(() => claimRefund(big, [{ item_id: "a", quantity: 1 }, { item_id: "b", quantity: 1 }], new Map())).toThrow(
      expect.objectContaining({ code: "amount_too_large" }),
    );
  });
});
