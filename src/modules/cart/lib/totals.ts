import { compareText } from "kiosk/internal";
import { checkedAmount, includedTax, mulDivFloor, mulDivRound, percentOf } from "./amount-math";

/**
 * Cart totals in integer minor units, as Medusa v1 names them. One pure
 * function, so the storefront's numbers, the payment amount and the order are
 * computed the same way:
 *
 * - a line's `subtotal` is `unit_price * quantity`;
 * - discounts are taken per line (lines whose product is not `discountable` get
 *   none, nor lines outside a discount's `item_ids`, its conditions'): a percentage takes `round(subtotal * value / 100)` of each line; a
 *   fixed `item` amount takes `value` per unit (at most the line); a fixed
 *   `total` amount (at most the discountable subtotal) is spread over the lines
 *   in proportion to their subtotals, the remainders going to the largest
 *   fractions so the parts add up exactly;
 * - tax is the region's rate on each line after its discount, and on each
 *   shipping method, rounded per line (`Math.round`); with per-line rates (the
 *   `taxCalculation` strategy's tax lines) each tax line's amount is rounded
 *   on its own and they add up;
 * - a tax-inclusive line (`includes_tax`) or shipping method (`shippingIncludesTax`)
 *   has tax inside its price: discounts are taken from the price as it is, then the
 *   tax is extracted once per line (`round(amount * r / (100 + r))`, `r` the sum of
 *   the line's rates), and the line's `subtotal` and `discount_total` are the
 *   amounts before tax, so `subtotal - discount_total + tax_total` is the price paid
 *   to the cent; a shipping method's `shipping_total` share is its price less its tax;
 * - free shipping makes every shipping method cost 0;
 * - `total = subtotal - discount_total + shipping_total + tax_total`.
 *
 * Every step is exact integer arithmetic (`amount-math.ts`); an amount that
 * would pass `Number.MAX_SAFE_INTEGER` is a 422 `amount_too_large`, so a change
 * that would make one (a line, a quantity, a shipping method) is refused.
 */
export interface TotalsLine {
  id: string;
  unit_price: number;
  quantity: number;
  allow_discounts: boolean;
  /** Whether `unit_price` includes tax. */
  includes_tax?: boolean;
}

export interface TotalsDiscount {
  id: string;
  code: string;
  rule: { type: string; value: number; allocation: string | null };
  /** The lines the discount may take from (its conditions'); all discountable lines when left out. */
  item_ids?: string[];
}

export interface LineAdjustment {
  item_id: string;
  discount_id: string;
  description: string;
  amount: number;
}

export interface LineTotals {
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
  original_total: number;
  original_tax_total: number;
  adjustments: LineAdjustment[];
}

export interface Totals {
  subtotal: number;
  discount_total: number;
  raw_discount_total: number;
  shipping_total: number;
  item_tax_total: number;
  shipping_tax_total: number;
  tax_total: number;
  gift_card_total: number;
  gift_card_tax_total: number;
  total: number;
}

export interface TotalsResult {
  totals: Totals;
  lines: Map<string, LineTotals>;
  free_shipping: boolean;
  /** Each shipping method's price after free shipping, in the order given. */
  shipping_prices: number[];
}

const tax = (amount: number, rates: number[]) => rates.reduce((sum, rate) => sum + percentOf(amount, rate), 0);

/** `unit_price * quantity`, or a 422 when it is past what can be computed exactly. */
const subtotalOf = (l: TotalsLine) => checkedAmount(l.unit_price * l.quantity, "subtotal of a line");

/** The part of each line a discount takes. */
function discountParts(lines: TotalsLine[], discount: TotalsDiscount, left: Map<string, number>): Map<string, number> {
  const parts = new Map<string, number>();
  const allowed = discount.item_ids ? new Set(discount.item_ids) : undefined;
  const eligible = lines.filter((l) => l.allow_discounts && (left.get(l.id) ?? 0) > 0 && (!allowed || allowed.has(l.id)));
  const { type, value, allocation } = discount.rule;
  if (type === "percentage") {
    for (const l of eligible) parts.set(l.id, Math.min(left.get(l.id)!, mulDivRound(subtotalOf(l), value, 100)));
  } else if (type === "fixed" && allocation === "item") {
    for (const l of eligible) parts.set(l.id, Math.min(left.get(l.id)!, value * l.quantity));
  } else if (type === "fixed") {
    const base = eligible.reduce((sum, l) => sum + left.get(l.id)!, 0);
    const amount = Math.min(value, base);
    if (!base || !amount) return parts;
    const shares = eligible.map((l) => {
      const { quotient, remainder } = mulDivFloor(left.get(l.id)!, amount, base);
      return { id: l.id, floor: quotient, fraction: remainder };
    });
    let remainder = amount - shares.reduce((sum, s) => sum + s.floor, 0);
    shares.sort((a, b) => b.fraction - a.fraction || compareText(a.id, b.id));
    for (const s of shares) {
      const extra = remainder > 0 ? 1 : 0;
      remainder -= extra;
      parts.set(s.id, s.floor + extra);
    }
  }
  return parts;
}

/**
 * Totals of lines and shipping at a tax rate (a percentage). `adjustments`
 * replaces the discount calculation with stored amounts (an order's snapshot).
 */
export function calculateTotals(input: {
  lines: TotalsLine[];
  shippingPrices: number[];
  taxRate: number;
  /** The rates of each line's tax lines, by line id; a line left out is taxed at `taxRate`. */
  lineTaxRates?: Map<string, number[]>;
  /** The rates of each shipping method's tax lines, in the order of `shippingPrices`; one left out is taxed at `taxRate`. */
  shippingTaxRates?: (number[] | undefined)[];
  /** Whether each shipping method's price includes tax, in the order of `shippingPrices`. */
  shippingIncludesTax?: boolean[];
  discounts: TotalsDiscount[];
  adjustments?: LineAdjustment[];
}): TotalsResult {
  const { lines } = input;
  const lineRates = (id: string) => input.lineTaxRates?.get(id) ?? [input.taxRate];
  const shippingRates = (i: number) => input.shippingTaxRates?.[i] ?? [input.taxRate];
  const free_shipping = input.discounts.some((d) => d.rule.type === "free_shipping");
  const subtotals = new Map(lines.map((l) => [l.id, subtotalOf(l)]));
  checkedAmount([...subtotals.values()].reduce((sum, s) => sum + s, 0), "subtotal");
  const left = new Map(subtotals);
  const adjustments: LineAdjustment[] = input.adjustments ? [...input.adjustments] : [];
  if (!input.adjustments) {
    for (const discount of input.discounts) {
      for (const [itemId, amount] of discountParts(lines, discount, left)) {
        if (amount <= 0) continue;
        left.set(itemId, left.get(itemId)! - amount);
        adjustments.push({ item_id: itemId, discount_id: discount.id, description: "discount", amount });
      }
    }
  }
  const perLine = new Map<string, LineTotals>();
  let netSubtotal = 0;
  let discountTotal = 0;
  let itemTax = 0;
  for (const l of lines) {
    const gross = subtotals.get(l.id)!;
    const own = adjustments.filter((a) => a.item_id === l.id);
    const taken = Math.min(gross, own.reduce((sum, a) => sum + a.amount, 0));
    const rates = lineRates(l.id);
    let line: LineTotals;
    if (l.includes_tax) {
      const originalTax = includedTax(gross, rates);
      const lineTax = includedTax(gross - taken, rates);
      const subtotal = gross - originalTax;
      line = {
        subtotal,
        discount_total: subtotal - (gross - taken - lineTax),
        tax_total: lineTax,
        total: gross - taken,
        original_total: gross,
        original_tax_total: originalTax,
        adjustments: own,
      };
    } else {
      const lineTax = tax(gross - taken, rates);
      const originalTax = tax(gross, rates);
      line = {
        subtotal: gross,
        discount_total: taken,
        tax_total: lineTax,
        total: checkedAmount(gross - taken + lineTax, "total of a line"),
        original_total: checkedAmount(gross + originalTax, "total of a line"),
        original_tax_total: originalTax,
        adjustments: own,
      };
    }
    perLine.set(l.id, line);
    netSubtotal += line.subtotal;
    discountTotal += line.discount_total;
    itemTax += line.tax_total;
  }
  const shipping_prices = input.shippingPrices.map((p) => (free_shipping ? 0 : p));
  const shippingTaxes = shipping_prices.map((p, i) => (input.shippingIncludesTax?.[i] ? includedTax(p, shippingRates(i)) : tax(p, shippingRates(i))));
  const shippingTotal = shipping_prices.reduce((sum, p, i) => sum + (input.shippingIncludesTax?.[i] ? p - shippingTaxes[i] : p), 0);
  const shippingTax = shippingTaxes.reduce((sum, t) => sum + t, 0);
  const taxTotal = itemTax + shippingTax;
  const totals: Totals = {
    subtotal: netSubtotal,
    discount_total: discountTotal,
    raw_discount_total: discountTotal,
    shipping_total: shippingTotal,
    item_tax_total: itemTax,
    shipping_tax_total: shippingTax,
    tax_total: taxTotal,
    gift_card_total: 0,
    gift_card_tax_total: 0,
    total: netSubtotal - discountTotal + shippingTotal + taxTotal,
  };
  for (const [name, amount] of Object.entries(totals)) checkedAmount(amount, name.replace(/_/g, " "));
  return { totals, lines: perLine, free_shipping, shipping_prices };
}
