import type { PaymentStatus } from "../models/order";
import { StateMachine } from "./state-machine";

/**
 * `order.payment_status`, as in Medusa v1: an awaiting payment is captured or
 * canceled; captured money is refunded in parts until nothing is left. A
 * captured order without refunds may still be canceled (its payments are
 * canceled with their providers, as Medusa v1 does); once anything was
 * refunded it may not (`partially_refunded` and `refunded` never become
 * `canceled`). `requires_action` is where a capture that only partly succeeded
 * leaves the order; capturing again finishes it.
 */
export const PAYMENT_STATUS = new StateMachine<PaymentStatus>("payment_status", {
  not_paid: ["awaiting", "canceled"],
  awaiting: ["captured", "requires_action", "canceled"],
  requires_action: ["awaiting", "captured", "canceled"],
  captured: ["partially_refunded", "refunded", "canceled"],
  partially_refunded: ["partially_refunded", "refunded"],
  refunded: [],
  canceled: [],
});

/** The payment status once `refundable` (what is captured and not refunded) is left. */
export function paymentStatusAfterRefund(refundable: number): "partially_refunded" | "refunded" {
  return refundable > 0 ? "partially_refunded" : "refunded";
}
