import { mergeMetadata, UnprocessableError, type KioskServices, type UnitOfWork } from "kiosk";
import { OrderEdit } from "../models/order-edit";
import { PaymentCollection } from "../models/payment-collection";
import { collectionView, loadCollection, lockCollection } from "../lib/collection-rows";
import type { PaymentCollectionView } from "../lib/payment-collection-view";

/**
 * Payment collections (Medusa v1): what a customer owes for an order edit.
 * Made when an edit with a positive difference is requested; paid through
 * its sessions (`paymentCollectionSessionService`), or marked authorized by
 * the admin; its payments go to the order when the edit is confirmed.
 */
export default class PaymentCollectionService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  retrieve(id: string): Promise<PaymentCollectionView> {
    return this.unitOfWork.read((manager) => collectionView(this.cradle, manager, id));
  }

  /** Makes the collection of an edit's difference, inside the edit's transaction (the order's region and currency). */
  createForEdit(input: { edit_id: string; amount: number; region_id: string; currency_code: string; created_by: string }): Promise<PaymentCollection> {
    return this.unitOfWork.run(async (tx) => {
      const collection = tx.manager.create(PaymentCollection, {
        type: "order_edit",
        status: "not_paid",
        description: `Order edit ${input.edit_id}`,
        amount: input.amount,
        authorized_amount: null,
        region_id: input.region_id,
        currency_code: input.currency_code,
        metadata: null,
        created_by: input.created_by,
      });
      await tx.manager.insert(PaymentCollection, collection as never);
      tx.emit("payment-collection.created", { id: collection.id });
      return collection;
    });
  }

  /** Sets the description or merges metadata. */
  update(id: string, input: { description?: string | null; metadata?: Record<string, unknown> | null }): Promise<PaymentCollectionView> {
    return this.unitOfWork.run(async (tx) => {
      const collection = await lockCollection(tx, id);
      await tx.manager.update(PaymentCollection, { id }, {
        ...(input.description !== undefined ? { description: input.description } : {}),
        metadata: mergeMetadata(collection.metadata, input.metadata) as never,
      });
      tx.emit("payment-collection.updated", { id });
      return this.retrieve(id);
    });
  }

  /** Deletes a collection nothing was paid into (not_paid or canceled; 422 `payment_collection_not_deletable` otherwise). */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const collection = await lockCollection(tx, id);
      if (collection.status !== "not_paid" && collection.status !== "canceled") {
        throw new UnprocessableError(`Cannot delete payment collection ${id}: it is ${collection.status}`, "payment_collection_not_deletable");
      }
      await tx.manager.update(OrderEdit, { payment_collection_id: id }, { payment_collection_id: null });
      await tx.manager.delete(PaymentCollection, { id });
      tx.emit("payment-collection.deleted", { id });
    });
  }

  /** The admin marks the whole amount authorized (paid outside Kiosk); a canceled collection is a 422 `payment_collection_canceled`. */
  markAuthorized(id: string): Promise<PaymentCollectionView> {
    return this.unitOfWork.run(async (tx) => {
      const collection = await lockCollection(tx, id);
      if (collection.status === "canceled") throw new UnprocessableError(`Payment collection ${id} is canceled`, "payment_collection_canceled");
      if (collection.status !== "authorized") {
        await tx.manager.update(PaymentCollection, { id }, { status: "authorized", authorized_amount: collection.amount });
        tx.emit("payment-collection.payment_authorized", { id });
      }
      return this.retrieve(id);
    });
  }

  /** The edit was declined or canceled: a collection with nothing authorized is canceled (inside the edit's transaction). */
  cancelUnpaid(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const collection = await lockCollection(tx, id);
      if (collection.status === "not_paid" || collection.status === "awaiting") {
        await tx.manager.update(PaymentCollection, { id }, { status: "canceled" });
      }
    });
  }

  /**
   * Hands the collection over at the edit's confirmation, inside its
   * transaction: its payments are given to the order, and the amount it
   * authorized is returned (0 unless the collection is `authorized`).
   */
  handOver(id: string, orderId: string): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      const { collection, sessions } = await loadCollection(tx.manager, id);
      for (const s of sessions) if (s.payment_id) await this.cradle.paymentService.attachToOrder(s.payment_id, orderId);
      return collection.status === "authorized" ? (collection.authorized_amount ?? collection.amount) : 0;
    });
  }
}
