import type { ClaimView, KioskServices, LineItem, OrderGiftCards, ReturnView, SwapRowView } from "kiosk";
import { byCreation } from "kiosk/internal";
import type { Order } from "../models/order";
import { orderIncludesTax, orderTaxLines } from "./order-tax-lines";

/** What building an order view needs from other modules. */
export interface ViewContext {
  lineItems: KioskServices["lineItemService"];
  /** The orders' lines with their adjustments (`lineItemService.listForOrders`). */
  lines: LineItem[];
  variants: Map<string, unknown>;
  regions: { id: string }[];
  /** The orders' returns (`returnService.readForOrders`). */
  returns: ReturnView[];
  /** The orders' swaps (`swapService.readForOrders`). */
  swaps: SwapRowView[];
  /** The orders' claims (`claimService.readForOrders`). */
  claims: ClaimView[];
  /** What says which units may still be returned. */
  returnService: KioskServices["returnService"];
  /** What each order took from gift cards, by order id (`giftCardService.readForOrders`). */
  giftCards: Map<string, OrderGiftCards>;
  /** The draft each order was paid from, by order id (`draftOrderService.readForOrders`). */
  drafts: Map<string, string>;
}

export type OrderView = Omit<Order, "items" | "fulfillments"> & Record<string, any>;

/**
 * An order as the API shows it, Medusa v1's shape: its lines with their totals
 * (from the adjustments written at completion, so they never move), shipping
 * methods, payments, fulfillments, refunds, region, the gift cards it used
 * with their transactions, and the order totals (`total` after gift cards):
 * `paid_total` is what was captured, `refundable_amount` what is left of it.
 * `returnable_items` are the lines with units that may still be returned
 * (`returnable_quantity`: shipped, less returned, less held by open returns).
 */
export function orderView(order: Order, context: ViewContext): OrderView {
  const lines = context.lines.filter((l) => l.order_id === order.id);
  const methods = [...(order.shipping_methods ?? [])].sort(byCreation);
  const adjustments = lines.flatMap((l) => (l.adjustments ?? []).map((a) => ({ ...a, discount_id: a.discount_id ?? "" })));
  const result = context.lineItems.totals({
    lines: lines.map((l) => ({ ...l, includes_tax: orderIncludesTax(order, "items", l.id) })),
    shippingPrices: methods.map((m: { price: number }) => m.price),
    shippingIncludesTax: methods.map((m: { id: string }) => orderIncludesTax(order, "shipping_methods", m.id)),
    taxRate: order.tax_rate,
    lineTaxRates: new Map(lines.map((l) => [l.id, orderTaxLines(order, "items", l.id).map((t) => t.rate)])),
    shippingTaxRates: methods.map((m: { id: string }) => orderTaxLines(order, "shipping_methods", m.id).map((t) => t.rate)),
    discounts: [],
    adjustments,
  });
  const payments = [...(order.payments ?? [])].sort(byCreation);
  const refunds = [...(order.refunds ?? [])].sort(byCreation);
  const paid = payments.filter((p) => p.captured_at && !p.canceled_at).reduce((sum, p) => sum + p.amount, 0);
  const refunded = refunds.reduce((sum, r) => sum + r.amount, 0);
  const fulfillments = [...(order.fulfillments ?? [])].sort(byCreation).map((f) => ({
    ...f,
    tracking_links: (f.tracking_numbers ?? []).map((n: string) => ({ tracking_number: n, url: null })),
  }));
  const returns = context.returns.filter((r) => r.order_id === order.id);
  const giftCards = context.giftCards.get(order.id) ?? { transactions: [], cards: [] };
  // Medusa v1's totals of an order's gift card transactions: what they took, and the tax of the taxable ones.
  const giftCardTotal = giftCards.transactions.reduce((sum, t) => sum + t.amount, 0);
  const giftCardTaxTotal = giftCards.transactions.reduce((sum, t) => Math.round(sum + (t.is_taxable ? (t.amount * (t.tax_rate ?? 0)) / 100 : 0)), 0);
  const { items: _items, ...columns } = order;
  const items = lines.map((line) => ({
    ...line,
    ...result.lines.get(line.id),
    variant: context.variants.get(line.variant_id ?? "") ?? null,
    tax_lines: orderTaxLines(order, "items", line.id).map((t) => ({ ...t, item_id: line.id })),
    includes_tax: orderIncludesTax(order, "items", line.id),
  }));
  return {
    object: "order",
    ...columns,
    items,
    returnable_items: context.returnService.returnableItems(items, returns),
    region: context.regions.find((r) => r.id === order.region_id) ?? null,
    shipping_methods: methods.map((m: { id: string }) => ({
      ...m,
      includes_tax: orderIncludesTax(order, "shipping_methods", m.id),
      tax_lines: orderTaxLines(order, "shipping_methods", m.id).map((t) => ({ ...t, shipping_method_id: m.id })),
    })),
    payments,
    refunds,
    fulfillments,
    discounts: order.discounts ?? [],
    gift_cards: giftCards.cards,
    gift_card_transactions: giftCards.transactions,
    returns,
    claims: context.claims.filter((c) => c.order_id === order.id),
    swaps: context.swaps.filter((s) => s.order_id === order.id),
    external_id: null,
    draft_order_id: context.drafts.get(order.id) ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
    ...result.totals,
    gift_card_total: giftCardTotal,
    gift_card_tax_total: giftCardTaxTotal,
    total: result.totals.total - giftCardTotal - giftCardTaxTotal,
    paid_total: paid,
    refunded_total: refunded,
    refundable_amount: paid - refunded,
  };
}
