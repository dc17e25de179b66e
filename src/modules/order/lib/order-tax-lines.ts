import type { CartView } from "kiosk";
import type { Order, OrderTaxLines } from "../models/order";

type Rated = { rate: number; name: string; code: string | null };

const strip = (lines: Rated[] | undefined): Rated[] => (lines ?? []).map(({ rate, name, code }) => ({ rate, name, code }));

/** The tax lines a completed cart's lines and shipping methods had, to keep on its order. */
export function taxLinesOf(cart: CartView): OrderTaxLines {
  return {
    items: Object.fromEntries(cart.items.map((i) => [i.id, strip(i.tax_lines as Rated[])])),
    shipping_methods: Object.fromEntries((cart.shipping_methods ?? []).map((m: { id: string; tax_lines?: Rated[] }) => [m.id, strip(m.tax_lines)])),
    includes_tax: {
      items: cart.items.filter((i) => i.includes_tax).map((i) => i.id),
      shipping_methods: (cart.shipping_methods ?? []).filter((m: { includes_tax?: boolean }) => m.includes_tax).map((m: { id: string }) => m.id),
    },
  };
}

/** Whether a line's (or a shipping method's) price included tax when its cart was completed. */
export function orderIncludesTax(order: Pick<Order, "tax_lines">, kind: "items" | "shipping_methods", id: string): boolean {
  return !!order.tax_lines?.includes_tax?.[kind].includes(id);
}

/** A line's (or a shipping method's) tax lines on an order: as kept, else one at the order's `tax_rate`. */
export function orderTaxLines(order: Pick<Order, "tax_rate" | "tax_lines">, kind: "items" | "shipping_methods", id: string): Rated[] {
  return order.tax_lines?.[kind]?.[id] ?? [{ rate: order.tax_rate, name: "default", code: "default" }];
}
