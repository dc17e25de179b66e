import { NotFoundError, type EntityManager, type KioskServices, type TransactionContext } from "kiosk";
import { lockRow } from "kiosk/sql";
import { PaymentCollection } from "../models/payment-collection";
import { PaymentCollectionSession } from "../models/payment-collection-session";
import { paymentCollectionView, type PaymentCollectionView } from "./payment-collection-view";

const notFound = (id: string) => new NotFoundError(`Payment collection with id ${id} was not found`, "payment_collection_not_found");

/** Locks a collection's row for the rest of the transaction; unknown is a 404. */
export async function lockCollection(tx: TransactionContext, id: string): Promise<PaymentCollection> {
  const collection = await lockRow(tx.manager, PaymentCollection, id);
  if (!collection) throw notFound(id);
  return collection;
}

/** A collection with its sessions; unknown is a 404. */
export async function loadCollection(manager: EntityManager, id: string): Promise<{ collection: PaymentCollection; sessions: PaymentCollectionSession[] }> {
  const collection = await manager.findOneBy(PaymentCollection, { id });
  if (!collection) throw notFound(id);
  return { collection, sessions: await manager.findBy(PaymentCollectionSession, { payment_collection_id: id }) };
}

/** A collection as the API shows it, its payments read through `paymentService`. */
export async function collectionView(cradle: KioskServices, manager: EntityManager, id: string): Promise<PaymentCollectionView> {
  const { collection, sessions } = await loadCollection(manager, id);
  const payments = await cradle.paymentService.listByIds(sessions.map((s) => s.payment_id).filter((p): p is string => !!p));
  return paymentCollectionView(collection, sessions, payments);
}

/** What the collection has authorized, and the status that follows (Medusa v1's rule). */
export function authorizedState(amount: number, sessions: PaymentCollectionSession[]): { authorized_amount: number; status: PaymentCollection["status"] } {
  const authorized = sessions.filter((s) => s.payment_authorized_at).reduce((sum, s) => sum + s.amount, 0);
  if (authorized >= amount) return { authorized_amount: authorized, status: "authorized" };
  if (authorized > 0) return { authorized_amount: authorized, status: "partially_authorized" };
  return { authorized_amount: 0, status: sessions.length ? "awaiting" : "not_paid" };
}
