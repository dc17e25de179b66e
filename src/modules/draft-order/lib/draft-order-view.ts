import type { CartView } from "kiosk";
import type { DraftOrder } from "../models/draft-order";

/** A draft order's columns (the entity without its methods). */
export type DraftOrderRow = { [K in keyof DraftOrder as DraftOrder[K] extends (...args: never[]) => unknown ? never : K]: DraftOrder[K] };

/** Medusa v1's draft order as the admin reads it: its own fields and its cart (lines, totals, shipping, region). */
export type DraftOrderView = DraftOrderRow & { cart: CartView };

export function draftOrderView(draft: DraftOrder, cart: CartView): DraftOrderView {
  return { ...draft, cart };
}
