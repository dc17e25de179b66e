import { UnprocessableError, type KioskServices } from "kiosk";
import { DraftOrder } from "../models/draft-order";
import { lockDraft } from "./lock-draft";

/** The payment of a draft order: the built-in `manual` provider's (no money moves; see the README). */
const PROVIDER = "manual";

/**
 * Registers a draft order's payment (Medusa v1's `POST /admin/draft-orders/:id/pay`)
 * in ONE transaction, with no provider call: the draft row is locked first (a
 * second payment waits, then finds it completed and answers the same order);
 * its cart is locked and checked, then the checkout's own steps run
 * (`cartCompletionService.takeForOrder`: discounts, the `cart.beforeComplete`
 * hooks, stock taken with no oversell, discount uses; `placeOrder`: the order
 * with its lines, shipping, payment and gift cards, the `order.afterCreate`
 * hooks, `order.placed`), the payment is recorded and captured, and the draft
 * is completed. Any refusal rolls all of it back. Returns the order's id.
 */
export function registerPayment(cradle: KioskServices, id: string): Promise<string> {
  return cradle.unitOfWork.run(async (tx) => {
    const draft = await lockDraft(tx, id);
    if (draft.status === "completed" && draft.order_id) return draft.order_id;
    const actor = { draftOrder: true };
    await cradle.cartService.lock(tx, draft.cart_id, actor);
    const { cart, variants } = await cradle.cartService.retrieveWithVariants(draft.cart_id);
    if (!cart.items.length) throw new UnprocessableError(`Draft order ${id} has no items`, "draft_order_empty", "items");

    const completion = cradle.cartCompletionService;
    const { taken } = await completion.takeForOrder(tx, cart, variants, { customLines: true });
    await cradle.cartService.markCompleted(tx, cart.id);
    const payment = await cradle.paymentService.recordAuthorized({
      session_id: null,
      cart_id: cart.id,
      provider_id: PROVIDER,
      amount: cart.total,
      currency_code: cart.currency_code,
      data: { draft_order_id: id },
    });
    const noNotification = draft.no_notification_order ?? false;
    const order = await completion.placeOrder(tx, cart, { payment, idempotencyKey: null, reserved: taken, noNotification });
    // The system payment is captured at once, as Medusa v1 does (recorded, no provider call).
    await cradle.orderPaymentService.recordProviderCapture(order.id);

    const now = new Date();
    await tx.manager.update(DraftOrder, { id }, { status: "completed", order_id: order.id, completed_at: now, updated_at: now });
    tx.emit("draft-order.updated", { id });
    return order.id;
  });
}
