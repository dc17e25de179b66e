import { ConflictError, NotFoundError, UnavailableError, UnprocessableError, type FulfillmentProvider, type KioskServices, type TransactionContext } from "kiosk";
import { withTimeout } from "kiosk/internal";
import { Fulfillment } from "../models/fulfillment";
import { FulfillmentItem } from "../models/fulfillment-item";
import { assertFulfillable } from "../lib/fulfillable";
import { FULFILLMENT_STATUS, fulfillmentStatusAfter } from "../lib/fulfillment-status";
import { beginAction } from "../lib/order-claim";
import { assertOpen } from "../lib/order-status";
import type { OrderView } from "../lib/order-view";
import { runProviderAction } from "../lib/provider-action";

type Items = { item_id: string; quantity: number }[];

export interface CreateFulfillmentInput {
  items: Items;
  no_notification?: boolean;
  metadata?: Record<string, unknown> | null;
  /** The stock location the units leave from: the lines' reservations there become a decrement of its stock (the inventory module). */
  location_id?: string;
}

/** What creating a fulfillment asks of its provider. */
interface FulfillmentCall {
  providerId: string;
  methodData: Record<string, unknown>;
  display_id: number;
}

/**
 * Fulfillments of orders: some units of some lines handed to the provider of
 * the order's shipping option (never more than were ordered), then shipped
 * with tracking numbers, or canceled before they ship. Creating and canceling
 * one call the provider outside any transaction (`lib/provider-action.ts`);
 * shipping calls no provider and is one transaction.
 */
export default class FulfillmentService {
  constructor(private readonly cradle: KioskServices) {}

  create(orderId: string, input: CreateFulfillmentInput): Promise<OrderView> {
    const orders = this.cradle.orderService;
    return runProviderAction(this.cradle.unitOfWork, orderId, {
      kind: "create_fulfillment",
      provider: "fulfillment",
      plan: async (tx, order) => {
        assertOpen(order);
        if (input.location_id) await this.cradle.stockLocationService.assertExist([input.location_id]);
        const lines = await this.cradle.lineItemService.listForOrders([orderId]);
        assertFulfillable(orderId, lines, input.items);
        FULFILLMENT_STATUS.assert(order.fulfillment_status, fulfillmentStatusAfter(lines, input.items, 1), "order_not_fulfillable");
        const view = await orders.retrieve(orderId);
        const method = (view.shipping_methods ?? []).find((m: any) => m.shipping_option) as
          | { data: Record<string, unknown>; shipping_option: { provider_id: string } }
          | undefined;
        const call: FulfillmentCall = {
          providerId: method?.shipping_option.provider_id ?? "manual",
          methodData: method?.data ?? {},
          display_id: order.display_id,
        };
        return { calls: [call], data: { provider_id: call.providerId, items: input.items } };
      },
      call: (call: FulfillmentCall) =>
        this.bounded(call.providerId, (p) => p.createFulfillment(call.methodData, input.items, { id: orderId, display_id: call.display_id })),
      record: async (tx, order, [{ item: call, result }]) => {
        await this.cradle.lineItemService.fulfill(orderId, input.items);
        if (input.location_id) {
          await this.cradle.reservationService.fulfillAt(input.location_id, input.items.map((i) => ({ line_item_id: i.item_id, quantity: i.quantity })));
        }
        const fulfillment = tx.manager.create(Fulfillment, {
          order_id: orderId,
          provider_id: call.providerId,
          location_id: input.location_id ?? null,
          tracking_numbers: [],
          data: result ?? {},
          shipped_at: null,
          canceled_at: null,
          no_notification: input.no_notification ?? null,
          metadata: input.metadata ?? null,
        });
        await tx.manager.insert(Fulfillment, fulfillment as never);
        await tx.manager.insert(
          FulfillmentItem,
          input.items.map((i) => ({ fulfillment_id: fulfillment.id, item_id: i.item_id, quantity: i.quantity })),
        );
        await orders.refreshFulfillmentStatus(order);
        tx.emit("order.fulfillment_created", { id: orderId, fulfillment_id: fulfillment.id, no_notification: input.no_notification ?? false });
        return orders.retrieve(orderId);
      },
    });
  }

  /** Marks a fulfillment shipped, with its tracking numbers (no provider is called). */
  createShipment(
    orderId: string,
    input: { fulfillment_id: string; tracking_numbers?: string[]; no_notification?: boolean },
  ): Promise<OrderView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const orders = this.cradle.orderService;
      const order = await beginAction(tx, orderId);
      assertOpen(order);
      const fulfillment = await this.loadLive(tx, orderId, input.fulfillment_id);
      await this.markOnce(tx, fulfillment.id, {
        shipped_at: new Date(),
        tracking_numbers: (input.tracking_numbers ?? []) as never,
      });
      await this.cradle.lineItemService.ship(fulfillment.items ?? []);
      await orders.refreshFulfillmentStatus(order);
      tx.emit("order.shipment_created", { id: orderId, fulfillment_id: fulfillment.id, no_notification: input.no_notification ?? false });
      return orders.retrieve(orderId);
    });
  }

  /** Cancels a fulfillment that has not shipped, with its provider: its units can be fulfilled again. */
  cancel(orderId: string, fulfillmentId: string): Promise<OrderView> {
    const orders = this.cradle.orderService;
    return runProviderAction(this.cradle.unitOfWork, orderId, {
      kind: "cancel_fulfillment",
      provider: "fulfillment",
      plan: async (tx, order) => {
        assertOpen(order);
        const fulfillment = await this.loadLive(tx, orderId, fulfillmentId);
        const lines = await this.cradle.lineItemService.listForOrders([orderId]);
        const after = fulfillmentStatusAfter(lines, fulfillment.items ?? [], -1);
        FULFILLMENT_STATUS.assert(order.fulfillment_status, after, "fulfillment_not_cancelable");
        return { calls: [fulfillment], data: { fulfillment_id: fulfillment.id } };
      },
      call: (fulfillment: Fulfillment) => this.bounded(fulfillment.provider_id, (p) => p.cancelFulfillment(fulfillment.data)),
      record: async (tx, order, [{ item: fulfillment, result }]) => {
        await this.markOnce(tx, fulfillment.id, { canceled_at: new Date(), data: (result ?? fulfillment.data) as never });
        await this.cradle.lineItemService.unfulfill(fulfillment.items ?? []);
        await orders.refreshFulfillmentStatus(order);
        tx.emit("order.fulfillment_canceled", { id: orderId, fulfillment_id: fulfillment.id });
        return orders.retrieve(orderId);
      },
    });
  }

  /**
   * One call to a fulfillment provider, bounded by `fulfillments.timeout`: a
   * provider that does not answer in time is a 503 `fulfillment_provider_timeout`
   * (`runProviderAction` then records nothing and reports the action abandoned).
   */
  private bounded<T>(id: string, call: (provider: FulfillmentProvider) => Promise<T>): Promise<T> {
    const provider = this.cradle.fulfillmentProviderService.retrieve(id);
    const { timeout } = this.cradle.config.fulfillments;
    return withTimeout(call(provider), timeout, () => new UnavailableError(`Fulfillment provider ${id} did not answer within ${timeout} ms`, "fulfillment_provider_timeout"));
  }

  /** A fulfillment of the order that is neither canceled (422 `fulfillment_canceled`) nor shipped (422 `fulfillment_shipped`). */
  private async loadLive(tx: TransactionContext, orderId: string, id: string): Promise<Fulfillment> {
    const fulfillment = await tx.manager.findOne(Fulfillment, { where: { id, order_id: orderId }, relations: { items: true } });
    if (!fulfillment) throw new NotFoundError(`Fulfillment ${id} was not found on order ${orderId}`, "fulfillment_not_found");
    if (fulfillment.canceled_at) throw new UnprocessableError("The fulfillment is canceled", "fulfillment_canceled");
    if (fulfillment.shipped_at) throw new UnprocessableError("The fulfillment has already been shipped", "fulfillment_shipped");
    return fulfillment;
  }

  /** Ships or cancels a live fulfillment, once: a conditional UPDATE (409 `fulfillment_changed` if it changed meanwhile). */
  private async markOnce(tx: TransactionContext, id: string, set: Partial<Pick<Fulfillment, "shipped_at" | "canceled_at" | "tracking_numbers" | "data">>) {
    const { affected } = await tx.manager
      .createQueryBuilder()
      .update(Fulfillment)
      .set({ ...set, updated_at: new Date() } as never)
      .where("id = :id AND shipped_at IS NULL AND canceled_at IS NULL", { id })
      .execute();
    if (!affected) throw new ConflictError(`Fulfillment ${id} was changed meanwhile`, "fulfillment_changed");
  }
}
