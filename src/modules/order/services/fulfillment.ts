import { NotFoundError, UnprocessableError, type TransactionContext, type UnitOfWork } from "kiosk";
import { Fulfillment } from "../models/fulfillment";
import { FulfillmentItem } from "../models/fulfillment-item";
import type { OrderView } from "../lib/order-view";
import type OrderService from "./order";

interface FulfillmentProviderLike {
  createFulfillment(
    methodData: Record<string, unknown>,
    items: { item_id: string; quantity: number }[],
    order: { id: string; display_id: number },
  ): Promise<Record<string, unknown>>;
  cancelFulfillment(data: Record<string, unknown>): Promise<Record<string, unknown>>;
}

interface Cradle {
  unitOfWork: UnitOfWork;
  orderService: OrderService;
  fulfillmentProviderService: { retrieve(id: string): FulfillmentProviderLike };
  lineItemService: {
    fulfill(orderId: string, items: { item_id: string; quantity: number }[], parent?: TransactionContext): Promise<void>;
    unfulfill(items: { item_id: string; quantity: number }[], parent?: TransactionContext): Promise<void>;
    ship(items: { item_id: string; quantity: number }[], parent?: TransactionContext): Promise<void>;
  };
}

export interface CreateFulfillmentInput {
  items: { item_id: string; quantity: number }[];
  no_notification?: boolean;
  metadata?: Record<string, unknown> | null;
}

/**
 * Fulfillments of orders: some units of some lines handed to the provider of
 * the order's shipping option (never more than were ordered), then shipped
 * with tracking numbers, or canceled before they ship.
 */
export default class FulfillmentService {
  private readonly cradle: Cradle;

  constructor(cradle: Cradle) {
    this.cradle = cradle;
  }

  create(orderId: string, input: CreateFulfillmentInput): Promise<OrderView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const orders = this.cradle.orderService;
      const order = await orders.lock(tx, orderId);
      if (order.status === "canceled") throw new UnprocessableError(`Order ${orderId} is canceled`, "order_canceled");
      await this.cradle.lineItemService.fulfill(orderId, input.items, tx);
      const view = await orders.retrieve(orderId, tx);
      const method = (view.shipping_methods ?? []).find((m: any) => m.shipping_option) as
        | { data: Record<string, unknown>; shipping_option: { provider_id: string } }
        | undefined;
      const providerId = method?.shipping_option.provider_id ?? "manual";
      const provider = this.cradle.fulfillmentProviderService.retrieve(providerId);
      const data = await provider.createFulfillment(method?.data ?? {}, input.items, { id: orderId, display_id: order.display_id });
      const fulfillment = tx.manager.create(Fulfillment, {
        order_id: orderId,
        provider_id: providerId,
        tracking_numbers: [],
        data: data ?? {},
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
      await orders.refreshFulfillmentStatus(orderId, tx);
      tx.emit("order.fulfillment_created", { id: orderId, fulfillment_id: fulfillment.id, no_notification: input.no_notification ?? false });
      return orders.retrieve(orderId, tx);
    });
  }

  /** Marks a fulfillment shipped, with its tracking numbers. */
  createShipment(
    orderId: string,
    input: { fulfillment_id: string; tracking_numbers?: string[]; no_notification?: boolean },
  ): Promise<OrderView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const orders = this.cradle.orderService;
      const order = await orders.lock(tx, orderId);
      if (order.status === "canceled") throw new UnprocessableError(`Order ${orderId} is canceled`, "order_canceled");
      const fulfillment = await this.load(tx, orderId, input.fulfillment_id);
      if (fulfillment.canceled_at) throw new UnprocessableError("A canceled fulfillment cannot be shipped", "fulfillment_canceled");
      if (fulfillment.shipped_at) throw new UnprocessableError("The fulfillment has already been shipped", "fulfillment_shipped");
      await tx.manager.update(Fulfillment, { id: fulfillment.id }, {
        shipped_at: new Date(),
        tracking_numbers: (input.tracking_numbers ?? []) as never,
        updated_at: new Date(),
      });
      await this.cradle.lineItemService.ship(fulfillment.items ?? [], tx);
      await orders.refreshFulfillmentStatus(orderId, tx);
      tx.emit("order.shipment_created", { id: orderId, fulfillment_id: fulfillment.id, no_notification: input.no_notification ?? false });
      return orders.retrieve(orderId, tx);
    });
  }

  /** Cancels a fulfillment that has not shipped: its units can be fulfilled again. */
  cancel(orderId: string, fulfillmentId: string): Promise<OrderView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const orders = this.cradle.orderService;
      await orders.lock(tx, orderId);
      const fulfillment = await this.load(tx, orderId, fulfillmentId);
      if (fulfillment.canceled_at) throw new UnprocessableError("The fulfillment is already canceled", "fulfillment_canceled");
      if (fulfillment.shipped_at) throw new UnprocessableError("A shipped fulfillment cannot be canceled", "fulfillment_shipped");
      const data = await this.cradle.fulfillmentProviderService.retrieve(fulfillment.provider_id).cancelFulfillment(fulfillment.data);
      await tx.manager.update(Fulfillment, { id: fulfillment.id }, {
        canceled_at: new Date(),
        data: (data ?? fulfillment.data) as never,
        updated_at: new Date(),
      });
      await this.cradle.lineItemService.unfulfill(fulfillment.items ?? [], tx);
      await orders.refreshFulfillmentStatus(orderId, tx);
      tx.emit("order.fulfillment_canceled", { id: orderId, fulfillment_id: fulfillment.id });
      return orders.retrieve(orderId, tx);
    });
  }

  private async load(tx: TransactionContext, orderId: string, id: string): Promise<Fulfillment> {
    const fulfillment = await tx.manager.findOne(Fulfillment, { where: { id, order_id: orderId }, relations: { items: true } });
    if (!fulfillment) throw new NotFoundError(`Fulfillment ${id} was not found on order ${orderId}`, "fulfillment_not_found");
    return fulfillment;
  }
}
