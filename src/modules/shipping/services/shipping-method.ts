import { IsNull, NotFoundError, UnprocessableError, type KioskServices } from "kiosk";
import type { JsonBatch, Sql } from "kiosk/sql";
import { ShippingMethod } from "../models/shipping-method";
import { ShippingOption } from "../models/shipping-option";
import { meetsRequirements } from "../lib/requirements";
import { readMethodParts, type MethodWithOption } from "../lib/shipping-reads";

/** The shipping chosen for a cart, carried over to its order. */
export default class ShippingMethodService {
  constructor(private readonly cradle: KioskServices) {}

  /**
   * The data a customer sent with a shipping option, as its fulfillment
   * provider keeps it (`validateFulfillmentData`), asked with no transaction
   * open: call before the cart's transaction, then `setForCart` in it. Reads
   * nothing when no installed provider checks such data (the manual one does not).
   * For an admin's method on an order (`setForOrder`), `cartId` is the order's id.
   */
  async prepareData(cartId: string, optionId: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const registry = this.cradle.fulfillmentProviderService;
    if (!registry.ids().some((id) => registry.retrieve(id).validateFulfillmentData)) return data;
    const option = await this.cradle.unitOfWork.read((manager) => manager.findOneBy(ShippingOption, { id: optionId, deleted_at: IsNull() }));
    if (!option) return data; // setForCart answers the 404
    const provider = registry.retrieve(option.provider_id);
    // The option must be in the cart's region (setForCart checks it), so the option's region is the cart's.
    const cart = { id: cartId, region_id: option.region_id };
    return provider.validateFulfillmentData ? ((await provider.validateFulfillmentData(option.data, data, cart)) ?? {}) : data;
  }

  /**
   * Sets the cart's shipping method to this option (a cart ships one way; a new
   * choice replaces the old one), with the data `prepareData` returned. The
   * option must be offered to the cart: its region's, not admin-only or for
   * returns, requirements met (422 otherwise). The admin (a draft order) may
   * also use an admin-only option and set the method's `price`.
   */
  setForCart(
    cart: { id: string; region_id: string; subtotal: number },
    optionId: string,
    data: Record<string, unknown>,
    admin?: { admin: true; price?: number },
  ): Promise<ShippingMethod> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const option = await tx.manager.findOneBy(ShippingOption, { id: optionId, deleted_at: IsNull() });
      if (!option) throw new NotFoundError(`Shipping option with id ${optionId} was not found`, "shipping_option_not_found");
      const served = admin || (await this.cradle.regionService.providerIds(cart.region_id, "fulfillment")).includes(option.provider_id);
      if (option.region_id !== cart.region_id || (option.admin_only && !admin) || option.is_return || !meetsRequirements(option, cart.subtotal) || !served) {
        throw new UnprocessableError(`The shipping option ${optionId} is not available for this cart`, "shipping_option_unavailable", "option_id");
      }
      this.cradle.fulfillmentProviderService.retrieve(option.provider_id);
      await tx.manager.delete(ShippingMethod, { cart_id: cart.id });
      const method = tx.manager.create(ShippingMethod, {
        shipping_option_id: option.id,
        cart_id: cart.id,
        order_id: null,
        name: option.name,
        price: admin?.price ?? option.amount ?? 0,
        data,
      });
      await tx.manager.insert(ShippingMethod, method as never);
      return method;
    });
  }

  /**
   * Sets an order's shipping method at the admin's price (Medusa v1
   * `addShippingMethod`, inside the caller's transaction, the order locked): it
   * replaces the order's methods, as Medusa replaces those of the same shipping
   * profile and Kiosk has one profile. The option must be in the order's region and
   * not for returns (422 `shipping_option_unavailable`); admin-only options are
   * allowed and subtotal requirements are not checked (the admin sets the price).
   */
  setForOrder(
    order: { id: string; region_id: string },
    optionId: string,
    price: number,
    data: Record<string, unknown>
  ): Promise<ShippingMethod> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const option = await tx.manager.findOneBy(ShippingOption, { id: optionId, deleted_at: IsNull() });
      if (!option) throw new NotFoundError(`Shipping option with id ${optionId} was not found`, "shipping_option_not_found");
      if (option.region_id !== order.region_id || option.is_return) {
        throw new UnprocessableError(`The shipping option ${optionId} is not available for this order`, "shipping_option_unavailable", "option_id");
      }
      this.cradle.fulfillmentProviderService.retrieve(option.provider_id);
      await tx.manager.delete(ShippingMethod, { order_id: order.id });
      const method = tx.manager.create(ShippingMethod, {
        shipping_option_id: option.id,
        cart_id: null,
        order_id: order.id,
        name: option.name,
        price,
        data,
      });
      await tx.manager.insert(ShippingMethod, method as never);
      return method;
    });
  }

  /** Removes the cart's shipping methods (its region changed). */
  clearForCart(cartId: string): Promise<void> {
    return this.cradle.unitOfWork.run(async (tx) => {
      await tx.manager.delete(ShippingMethod, { cart_id: cartId, order_id: IsNull() });
    });
  }

  /** Hands the cart's shipping methods to its order; with free shipping, their price becomes 0. */
  attachToOrder(cartId: string, orderId: string, options: { freeShipping: boolean }): Promise<void> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const set: Record<string, unknown> = { order_id: orderId, updated_at: new Date() };
      if (options.freeShipping) set.price = 0;
      await tx.manager.update(ShippingMethod, { cart_id: cartId }, set);
    });
  }

  /**
   * Read part (see `JsonBatch`): adds to the caller's batch the shipping methods
   * of the carts `cartIds` picks (a subquery, `sql.list(ids)` or one bound value
   * `sql\`${id}\``) with their `shipping_option`. Call `batch.run()`, then the
   * function returned for the methods (group them by `cart_id`).
   */
  readForCarts(batch: JsonBatch, cartIds: Sql): () => MethodWithOption[] {
    return readMethodParts(batch, "cart_id", cartIds);
  }

  /** Read part: the shipping methods of orders with their `shipping_option`, as `readForCarts` (group them by `order_id`). */
  readForOrders(batch: JsonBatch, orderIds: Sql): () => MethodWithOption[] {
    return readMethodParts(batch, "order_id", orderIds);
  }
}
