import type { KioskServices, OrderView } from "kiosk";
import { byCreation } from "kiosk/internal";
import type { OrderEdit } from "../models/order-edit";
import type { OrderEditItem } from "../models/order-edit-item";
import type { OrderItemChange } from "../models/order-item-change";
import { editStatus } from "./edit-status";

type Rated = { rate: number; name: string; code: string | null };

/** The rows an edit's view is made of. */
export interface EditRows {
  edit: OrderEdit;
  items: OrderEditItem[];
  changes: OrderItemChange[];
  /** The edit's order as the order module shows it (its lines, shipping, tax lines and totals). */
  order: OrderView;
  /** Its payment collection as the API shows it, or null. */
  paymentCollection?: unknown;
}

/**
 * An order edit as Medusa v1's API shows it: its lines (`items`, each with
 * totals, adjustments and tax lines), its `changes` (each with `line_item` and
 * `original_line_item`), the totals the order would have, and `difference_due`
 * (that total minus the order's current total). The totals are the order's
 * own rule (`lineItemService.totals`): a copied line keeps its tax lines and
 * its discount per unit (the order line's adjustments scaled to the edited
 * quantity), an added line is taxed at the order's rate and gets no discount,
 * and the order's shipping methods are kept as they are.
 */
export function orderEditView(rows: EditRows, lineItems: KioskServices["lineItemService"]) {
  const { edit, order } = rows;
  const items = [...rows.items].sort(byCreation);
  const originals = new Map<string, Record<string, any>>((order.items ?? []).map((i: Record<string, any>) => [i.id, i]));
  const taxLinesOf = (item: OrderEditItem): Rated[] => {
    const original = item.original_item_id ? originals.get(item.original_item_id) : undefined;
    const lines: Rated[] = original?.tax_lines ?? [{ rate: order.tax_rate, name: "default", code: "default" }];
    return lines.map(({ rate, name, code }) => ({ rate, name, code }));
  };
  const adjustmentsOf = (item: OrderEditItem) => {
    const original = item.original_item_id ? originals.get(item.original_item_id) : undefined;
    if (!original) return [];
    return (original.adjustments ?? []).map((a: { discount_id: string | null; description: string; amount: number }) => ({
      item_id: item.id,
      discount_id: a.discount_id ?? "",
      description: a.description,
      amount: lineItems.scaledAdjustment(a.amount, original.quantity, item.quantity),
    }));
  };
  const methods = [...(order.shipping_methods ?? [])] as { price: number; tax_lines?: Rated[] }[];
  const result = lineItems.totals({
    lines: items,
    shippingPrices: methods.map((m) => m.price),
    taxRate: order.tax_rate,
    lineTaxRates: new Map(items.map((i) => [i.id, taxLinesOf(i).map((t) => t.rate)])),
    shippingTaxRates: methods.map((m) => m.tax_lines?.map((t) => t.rate)),
    discounts: [],
    adjustments: items.flatMap(adjustmentsOf),
  });
  const itemViews = items.map((item) => {
    const original = item.original_item_id ? originals.get(item.original_item_id) : undefined;
    return {
      ...item,
      order_id: null,
      order_edit_id: edit.id,
      fulfilled_quantity: original?.fulfilled_quantity ?? 0,
      shipped_quantity: original?.shipped_quantity ?? 0,
      returned_quantity: original?.returned_quantity ?? 0,
      variant: original && original.variant_id === item.variant_id ? (original.variant ?? null) : null,
      tax_lines: taxLinesOf(item).map((t) => ({ ...t, item_id: item.id })),
      includes_tax: false,
      ...result.lines.get(item.id),
    };
  });
  const byId = new Map(itemViews.map((i) => [i.id, i]));
  const { active_order_id: _active, items: _items, changes: _changes, ...columns } = edit;
  const { subtotal, discount_total, shipping_total, tax_total } = result.totals;
  // What the order took from gift cards still pays for it, as in Medusa v1 (where both totals count the order's cards):
  // an edit that changes nothing owes nothing. Capped by the edited total: cards are never owed back as money.
  const gift_card_total: number = order.gift_card_total ?? 0;
  const gift_card_tax_total: number = order.gift_card_tax_total ?? 0;
  const total = result.totals.total - Math.min(gift_card_total + gift_card_tax_total, result.totals.total);
  return {
    ...columns,
    object: "order_edit",
    status: editStatus(edit),
    items: itemViews,
    changes: [...rows.changes].sort(byCreation).map((change) => ({
      ...change,
      line_item: change.line_item_id ? (byId.get(change.line_item_id) ?? originals.get(change.line_item_id) ?? null) : null,
      original_line_item: change.original_line_item_id ? (originals.get(change.original_line_item_id) ?? null) : null,
    })),
    payment_collection: rows.paymentCollection ?? null,
    subtotal,
    discount_total,
    shipping_total,
    gift_card_total,
    gift_card_tax_total,
    tax_total,
    total,
    difference_due: total - order.total,
  };
}

export type OrderEditView = ReturnType<typeof orderEditView>;

/** What the store is shown of an edit: no internal note, no staff ids. */
export function storeOrderEditView(view: OrderEditView) {
  const { internal_note: _n, created_by: _c, requested_by: _r, confirmed_by: _cf, declined_by: _d, canceled_by: _x, ...shown } = view;
  return shown;
}
