import { byCreation } from "kiosk/internal";
import type { CartView, ReturnView } from "kiosk";
import type { Swap } from "../models/swap";
import type { SwapFulfillment } from "../models/swap-fulfillment";

/** A swap's fulfillment as the API shows it, with Medusa's `tracking_links`. */
export type SwapFulfillmentView = Omit<SwapFulfillment, "swap"> & { tracking_links: { tracking_number: string; url: null }[] };

/** A swap as it appears in its order's view: its columns and fulfillments. */
export type SwapRowView = Omit<Swap, "fulfillments" | "stock_taken"> & { object: "swap"; fulfillments: SwapFulfillmentView[] };

/** Medusa v1's swap: with its return, its new items and shipping (the lines and methods of its cart), and its payment. */
export type SwapView = SwapRowView & {
  return_order: ReturnView | null;
  additional_items: CartView["items"];
  shipping_methods: unknown[];
  payment: { id: string } | null;
};

/** The swap's own rows as the API shows them (what an order's view lists). */
export function swapRowView(swap: Swap, fulfillments: SwapFulfillment[]): SwapRowView {
  const { fulfillments: _f, stock_taken: _s, ...columns } = swap;
  return {
    object: "swap",
    ...columns,
    fulfillments: [...fulfillments].sort(byCreation).map(({ swap: _swap, ...f }) => ({
      ...f,
      tracking_links: (f.tracking_numbers ?? []).map((n) => ({ tracking_number: n, url: null })),
    })),
  };
}

/** The whole swap, given its return and its cart (null when they are gone). */
export function swapView(swap: Swap, fulfillments: SwapFulfillment[], ret: ReturnView | null, cart: CartView | null): SwapView {
  return {
    ...swapRowView(swap, fulfillments),
    return_order: ret,
    additional_items: cart?.items ?? [],
    shipping_methods: cart?.shipping_methods ?? [],
    payment: swap.payment_id ? { id: swap.payment_id } : null,
  };
}
