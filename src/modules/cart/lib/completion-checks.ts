import { UnprocessableError } from "kiosk";
import type { CartView } from "./cart-view";

/** Each reason a cart cannot be completed yet, as a 422 with its own code. */
export function assertReadyToComplete(cart: CartView): void {
  if (!cart.items.length) throw new UnprocessableError("The cart has no items", "cart_empty", "items");
  if (!cart.email) throw new UnprocessableError("The cart needs an email", "email_required", "email");
  const address = cart.shipping_address;
  if (!address?.country_code || !address.address_1) {
    throw new UnprocessableError("The cart needs a shipping address with address_1 and country_code", "shipping_address_required", "shipping_address");
  }
  if (!cart.shipping_methods?.length) {
    throw new UnprocessableError("The cart needs a shipping method", "shipping_method_required", "shipping_methods");
  }
  if (cart.shipping_methods.some((m: { shipping_option?: { deleted_at: Date | null } }) => m.shipping_option?.deleted_at)) {
    throw new UnprocessableError("The cart's shipping option is no longer offered; choose another", "shipping_option_unavailable", "shipping_methods");
  }
  // A cart its gift cards pay in full needs no payment (Medusa v1 completes a total of 0 without one).
  if (!cart.payment_session && cart.total > 0) {
    throw new UnprocessableError("The cart needs a selected payment session", "payment_session_required", "payment_session");
  }
}
