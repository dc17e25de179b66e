import type { GiftCardRow, Region, TaxCalculationResult, TaxLine } from "kiosk";
import { byCreation, compareText } from "kiosk/internal";
import type { Cart } from "../models/cart";
import type { LineItem } from "../models/line-item";
import { variantSummary } from "./catalog";
import type { CartRows } from "./cart-relations";
import { withGiftCards } from "./gift-card-totals";
import { calculateTotals, type LineTotals, type Totals, type TotalsDiscount } from "./totals";

/** A line as the API shows it: the stored line, its variant summary and its totals. */
export type LineItemView = LineItem & LineTotals & { variant: ReturnType<typeof variantSummary>; tax_lines: unknown[]; includes_tax: boolean };

/** A cart as the API shows it (Medusa v1's `Cart` with its totals). */
export type CartView = Omit<Cart, "items"> &
  Totals & {
    object: "cart";
    items: LineItemView[];
    region: Region;
    payment_session: any | null;
    shipping_address_id: string | null;
    billing_address_id: string | null;
    gift_cards: GiftCardRow[];
    payment_id: null;
  };

/**
 * A cart as the API shows it, from its rows (`lib/cart-relations.ts`) and its
 * region: lines in the order they were added with their totals and tax lines
 * (the `taxCalculation` strategy's, `taxes`), shipping methods at their prices after
 * discounts (each taking only from its `item_ids`, when given), payment sessions by provider with the selected one, the gift
 * cards that can pay, and the cart's totals (`lib/totals.ts`, then
 * `lib/gift-card-totals.ts`).
 */
export function cartView(rows: CartRows, region: Region, taxes: TaxCalculationResult): CartView {
  const { cart } = rows;
  const items = rows.items.sort(byCreation);
  const { variants } = rows;
  const methods = rows.shipping_methods.sort((a: any, b: any) => a.created_at - b.created_at);
  const discounts = rows.discounts as TotalsDiscount[];
  const defaultLines: TaxLine[] = [{ rate: region.tax_rate, name: "default", code: "default" }];
  const itemTaxLines = (id: string) => taxes.lines[id] ?? defaultLines;
  const methodTaxLines = (id: string) => taxes.shipping_methods[id] ?? defaultLines;
  const inclusive = pricesIncludeTax(region);
  const result = calculateTotals({
    lines: items.map((i) => ({ ...i, includes_tax: inclusive })),
    shippingPrices: methods.map((m: { price: number }) => m.price),
    shippingIncludesTax: methods.map((m: { shipping_option?: { includes_tax?: boolean } | null }) => !!m.shipping_option?.includes_tax),
    taxRate: region.tax_rate,
    lineTaxRates: new Map(items.map((i) => [i.id, itemTaxLines(i.id).map((t) => t.rate)])),
    shippingTaxRates: methods.map((m: { id: string }) => methodTaxLines(m.id).map((t) => t.rate)),
    discounts,
  });
  const giftCards = rows.gift_cards;
  const totals = withGiftCards(result.totals, giftCards.map((card) => card.balance));
  const sessions = rows.payment_sessions.sort((a: any, b: any) => compareText(a.provider_id, b.provider_id));
  return {
    object: "cart",
    ...cart,
    shipping_address_id: cart.shipping_address?.id ?? null,
    billing_address_id: cart.billing_address?.id ?? null,
    items: items.map((item) => ({
      ...item,
      ...result.lines.get(item.id)!,
      variant: variantSummary(variants.get(item.variant_id ?? "")),
      tax_lines: itemTaxLines(item.id).map((t) => ({ ...t, item_id: item.id })),
      includes_tax: inclusive,
    })),
    region,
    discounts: discounts.map(({ item_ids: _lines, ...d }) => d),
    gift_cards: giftCards,
    shipping_methods: methods.map((m: any, i: number) => ({
      ...m,
      price: result.shipping_prices[i],
      includes_tax: !!m.shipping_option?.includes_tax,
      tax_lines: methodTaxLines(m.id).map((t) => ({ ...t, shipping_method_id: m.id })),
    })),
    payment_sessions: sessions,
    payment_session: sessions.find((s: { is_selected: boolean }) => s.is_selected) ?? null,
    payment_id: null,
    ...totals,
  } as unknown as CartView;
}

/** Whether a region's prices include tax: the region says so, or its currency does (Medusa v1's `includes_tax`). */
export function pricesIncludeTax(region: Region): boolean {
  return !!(region.includes_tax || (region as { currency?: { includes_tax?: boolean } }).currency?.includes_tax);
}
