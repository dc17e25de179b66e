import type { Payment } from "kiosk";
import { byCreation } from "kiosk/internal";
import type { PaymentCollection } from "../models/payment-collection";
import type { PaymentCollectionSession } from "../models/payment-collection-session";

/** A payment collection as Medusa v1's API shows it: its columns, `payment_sessions` and `payments`. */
export function paymentCollectionView(collection: PaymentCollection, sessions: PaymentCollectionSession[], payments: Payment[]) {
  const { payment_sessions: _s, ...columns } = collection;
  return {
    ...columns,
    object: "payment_collection",
    payment_sessions: [...sessions].sort(byCreation).map(sessionView),
    payments: [...payments].sort(byCreation),
  };
}

/** A collection's session as Medusa v1 shows a payment session. */
export function sessionView(session: PaymentCollectionSession) {
  return { ...session, cart_id: null, idempotency_key: null };
}

export type PaymentCollectionView = ReturnType<typeof paymentCollectionView>;
