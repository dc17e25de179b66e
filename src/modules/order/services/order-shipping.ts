import type { KioskServices } from "kiosk";
import { beginAction } from "../lib/order-claim";
import { assertOpen } from "../lib/order-status";
import type { OrderView } from "../lib/order-view";

/** The body of `POST /admin/orders/:id/shipping-methods`, as Medusa v1's `AdminPostOrdersOrderShippingMethodsReq`. */
export interface AddOrderShippingMethod {
  option_id: string;
  /** The method's price, in the order's currency's minor unit. */
  price: number;
  data?: Record<string, unknown>;
}

/**
 * An order's shipping, set by the admin after the order was placed. The shipping
 * module owns the methods (`shippingMethodService`); this service checks the order
 * and takes its turn with the other admin actions.
 */
export default class OrderShippingService {
  constructor(private readonly cradle: KioskServices) {}

  /**
   * Sets the order's shipping method to an option of its region at the given
   * price (replacing the methods it had: see `shippingMethodService.setForOrder`)
   * and raises `order.updated`. The option's fulfillment provider checks `data`
   * first, outside the transaction. A canceled or archived order is a 422, an
   * order busy with another action a 409.
   */
  async addShippingMethod(id: string, input: AddOrderShippingMethod): Promise<OrderView> {
    const shipping = this.cradle.shippingMethodService;
    const data = await shipping.prepareData(id, input.option_id, input.data ?? {});
    return this.cradle.unitOfWork.run(async (tx) => {
      const order = await beginAction(tx, id);
      assertOpen(order);
      await shipping.setForOrder(order, input.option_id, input.price, data);
      tx.emit("order.updated", { id });
      return this.cradle.orderService.retrieve(id);
    });
  }
}
