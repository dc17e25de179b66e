import { UnprocessableError, type KioskServices } from "kiosk";
import { DraftOrder } from "../models/draft-order";
import { lockDraft } from "./lock-draft";

/** The payment of a draft order: the built-in `manual` provider's (no money moves; see the README). */
const PROVIDER = "manual";

/**
 * Registers a draft order's payment (Medusa v1's `POST /admin/draft-orders/:id/pay`)
 * in ONE transaction, with no provider call: the draft row is locked first (a
 * second payment waits, then finds it completed and answers the same order);
 * its cart is locked and checked, stock is taken as checkout takes it (one
 * conditional UPDATE per variant: no oversell), discount uses are counted, the
 * cart is marked completed, a payment is recorded and captured, the order is
 * made from the cart with its lines, shipping and payment, and the draft is
 * completed. Any refusal rolls all of it back. Returns the order's id.
 */
export function registerPayment(cradle: KioskServices, id: string): Promise<string> {
  return cradle.unitOfWork.run(async (tx) => {
    const draft = await lockDraft(tx, id);
    if (draft.status === "completed" && draft.order_id) return draft.order_id;
    const actor = { draftOrder: true };
    await cradle.cartService.lock(tx, draft.cart_id, actor);
    const { cart, variants } = await cradle.cartService.retrieveWithVariants(draft.cart_id);
    if (!cart.items.length) throw new UnprocessableError(`Draft order ${id} has no items`, "draft_order_empty", "items");

    const discountIds = (cart.discounts ?? []).map((d: { id: string }) => d.id);
    for (const discount of await cradle.discountService.listByIds(discountIds)) cradle.discountService.assertApplicable(discount, cart.region_id);
    await cradle.hooks.run("cart.beforeComplete", { cart, manager: tx.manager, container: cradle });
    const demand = new Map<string, number>();
    for (const item of cart.items) {
      if (!item.variant_id) continue; // a custom line: nothing in stock to take
      if (!cradle.productVariantService.isPurchasable(variants.get(item.variant_id))) {
        throw new UnprocessableError(`The product of line ${item.id} (${item.title}) is no longer sold`, "variant_unavailable", "items");
      }
      demand.set(item.variant_id, (demand.get(item.variant_id) ?? 0) + item.quantity);
    }
    const taken = await cradle.productVariantService.takeStock(demand, variants);
    if (discountIds.length) await cradle.discountService.consume(discountIds);

    await cradle.cartService.markCompleted(tx, cart.id);
    const payment = await cradle.paymentService.recordAuthorized({
      session_id: null,
      cart_id: cart.id,
      provider_id: PROVIDER,
      amount: cart.total,
      currency_code: cart.currency_code,
      data: { draft_order_id: id },
    });
    const order = await cradle.orderService.createFromCart(cart, null);
    await cradle.lineItemService.attachToOrder(cart.id, order.id, cart.items.flatMap((i) => i.adjustments), taken);
    const freeShipping = (cart.discounts ?? []).some((d: { rule: { type: string } }) => d.rule.type === "free_shipping");
    await cradle.shippingMethodService.attachToOrder(cart.id, order.id, { freeShipping });
    await cradle.paymentService.attachToOrder(payment.id, order.id);
    await cradle.hooks.run("order.afterCreate", { order, cart, manager: tx.manager, container: cradle });
    tx.emit("order.placed", { id: order.id, cart_id: cart.id, no_notification: draft.no_notification_order ?? false });
    // The system payment is captured at once, as Medusa v1 does (recorded, no provider call).
    await cradle.orderPaymentService.recordProviderCapture(order.id);

    const now = new Date();
    await tx.manager.update(DraftOrder, { id }, { status: "completed", order_id: order.id, completed_at: now, updated_at: now });
    tx.emit("draft-order.updated", { id });
    return order.id;
  });
}
