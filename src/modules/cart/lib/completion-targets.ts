import type { KioskServices } from "kiosk";
import type { CartView } from "./cart-view";

/**
 * What a completed cart becomes when it is not an order: the service that
 * takes a cart of its `type` instead (today `swap`: the swap module's). It
 * checks the cart may be completed in the reservation's transaction, confirms
 * it in the place step's (after the payment is recorded; a throw undoes the
 * completion), and finds what a completed cart became.
 */
export interface CompletionTarget {
  assertCompletable(cartId: string): Promise<void>;
  confirmCart(input: { cart: CartView; payment_id: string | null; reserved: [string, number][] }): Promise<Record<string, any>>;
  retrieveByCart(cartId: string): Promise<Record<string, any>>;
}

/** The target of a cart of `type`, or null for a default cart (it becomes an order). The completion answers `{ type: "swap", data }`, as Medusa v1. */
export function completionTarget(cradle: KioskServices, type: string): CompletionTarget | null {
  if (type === "swap") {
    const swaps = cradle.swapService;
    return {
      assertCompletable: (cartId) => swaps.assertCompletable(cartId),
      confirmCart: (input) => swaps.confirmCart(input),
      retrieveByCart: (cartId) => swaps.retrieveByCart(cartId),
    };
  }
  return null;
}
