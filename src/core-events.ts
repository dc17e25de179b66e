/** `{ id }` of the record the event is about. */
interface Id {
  id: string;
}

/** What a notification-sending subscriber reads on order events. */
interface OrderFulfillment {
  id: string;
  fulfillment_id: string;
}

/** What a notification-sending subscriber reads on return events. */
interface SwapEvent {
  id: string;
  no_notification: boolean;
}
interface OrderReturn {
  id: string;
  return_id: string;
  no_notification: boolean;
}

/** An order edit's events: the edit and its order. */
interface OrderEditEvent {
  id: string;
  order_id: string;
}

/**
 * The events the core modules raise (`tx.emit`), by name, with their payloads.
 * Medusa v1's names where Medusa has the event.
 */
export interface CoreEvents {
  "cart.created": Id;
  "cart.updated": Id;

  /** A claim on an order's items was created (refund or replace). */
  "claim.created": { id: string; order_id: string; no_notification: boolean };
  "claim.updated": { id: string; order_id: string; no_notification: boolean };
  /** A claim was canceled; its replacement items' stock was given back. */
  "claim.canceled": { id: string; order_id: string; no_notification: boolean };
  "claim.fulfillment_created": { id: string; fulfillment_id: string; no_notification: boolean };
  "claim.shipment_created": { id: string; fulfillment_id: string; no_notification: boolean };
  /** A refund claim's refund was paid (`refund_id` null when it was 0). */
  "claim.refund_processed": { id: string; order_id: string; refund_id: string | null; no_notification: boolean };

  "customer.created": Id;
  "customer.updated": Id;
  "customer.deleted": Id;
  "customer-group.created": Id;
  /** Also raised when the group's customers change (added or removed). */
  "customer-group.updated": Id;
  "customer-group.deleted": Id;
  /** A password reset was asked for: a notification provider sends `token` to `email`. */
  "customer.password_reset": { id: string; email: string; first_name: string | null; last_name: string | null; token: string };

  /** A draft order was created (`POST /admin/draft-orders`). */
  "draft-order.created": Id;
  /** A draft order or its cart changed, or its payment was registered (it is then `completed`). */
  "draft-order.updated": Id;

  "discount.created": Id;
  "discount.updated": Id;
  "discount.deleted": Id;

  /** A card was created by the admin or issued by an order (`order_id` set). */
  "gift-card.created": Id;
  /** Changed by the admin, or an order took from its balance. */
  "gift-card.updated": Id;
  "gift-card.deleted": Id;

  /** A cart was completed into an order. */
  "order.placed": { id: string; cart_id: string; no_notification: boolean };
  /** Email, addresses, no_notification or metadata changed (`POST /admin/orders/:id`). */
  "order.updated": Id;
  "order.completed": Id;
  "order.archived": Id;
  "order.canceled": Id;
  "order.payment_captured": Id;
  "order.refund_created": { id: string; refund_id: string };
  "order.fulfillment_created": OrderFulfillment & { no_notification: boolean };
  "order.shipment_created": OrderFulfillment & { no_notification: boolean };
  "order.fulfillment_canceled": OrderFulfillment;
  /** A provider call on the order may have done something that was not recorded (a crash, a timeout). */
  "order.action_abandoned": { id: string; action: string; data: Record<string, unknown>; started_at: Date | string; reason: string };
  /**
   * A signed-in customer asked to take over guest orders placed with `old_email`:
   * a notification provider sends `token` to `old_email`, whose owner confirms
   * with it (`POST /store/orders/customer/confirm`). Medusa v1's event.
   */
  "order-update-token.created": { old_email: string; new_customer_id: string; orders: string[]; token: string };
  /** A return of the order was requested (by the customer or the admin). */
  "order.return_requested": OrderReturn;
  /** A return of the order was received: its units are back in stock and its refund (if any) was paid. */
  "order.items_returned": OrderReturn;

  "order-edit.created": OrderEditEvent;
  "order-edit.updated": OrderEditEvent;
  "order-edit.requested": OrderEditEvent;
  /** The order got the edit's lines (and its stock moved). */
  "order-edit.confirmed": OrderEditEvent;
  "order-edit.declined": OrderEditEvent;
  "order-edit.canceled": OrderEditEvent;

  "payment-collection.created": Id;
  "payment-collection.updated": Id;
  "payment-collection.deleted": Id;
  /** The whole amount is authorized (by its sessions, or marked so by the admin). */
  "payment-collection.payment_authorized": Id;

  "batch.created": Id;
  "batch.pre_processed": Id;
  "batch.confirmed": Id;
  "batch.canceled": Id;
  "batch.completed": Id;
  "batch.failed": Id;

  "note.created": Id;
  "note.updated": Id;
  "note.deleted": Id;

  /** A notification was sent and stored (`parent_id` set on a resend). */
  "notification.created": { id: string; parent_id: string | null };

  "product.created": Id;
  /** `fields`: the names of the fields the update set. */
  "product.updated": { id: string; fields: string[] };
  "product.deleted": Id;
  "product-variant.created": { id: string; product_id: string };
  "product-variant.updated": { id: string; product_id: string; fields: string[] };
  "product-variant.deleted": { id: string; product_id: string };
  "product-category.created": Id;
  "product-category.updated": Id;
  "product-category.deleted": Id;
  "product-collection.created": Id;
  "product-collection.updated": Id;
  "product-collection.deleted": Id;

  "price-list.created": Id;
  /** Also raised when the list's prices or groups change. */
  "price-list.updated": Id;
  "price-list.deleted": Id;

  "region.created": Id;
  "region.updated": Id;
  "region.deleted": Id;

  "return-reason.created": Id;
  "return-reason.updated": Id;
  /** Raised for the reason and for each child deleted with it. */
  "return-reason.deleted": Id;
  /** A return not received yet was canceled. */
  "return.canceled": { id: string; order_id: string };

  "sales-channel.created": Id;
  "sales-channel.updated": Id;
  "sales-channel.deleted": Id;
  "publishable-api-key.created": Id;
  "publishable-api-key.revoked": Id;

  "stock-location.created": Id;
  "stock-location.updated": Id;
  /** Its channel links, inventory levels and reservations went with it. */
  "stock-location.deleted": Id;
  "inventory-item.created": Id;
  /** Also raised when one of its location levels is added, changed or removed. */
  "inventory-item.updated": Id;
  "inventory-item.deleted": Id;
  /** A reservation was made (by an admin; checkout's are not announced one by one). */
  "reservation-item.created": Id;
  "reservation-item.updated": Id;
  /** A reservation was deleted or released (a canceled order, an undone checkout). */
  "reservation-item.deleted": Id;

  "store.updated": Id;
  "tax-rate.created": Id;
  /** Also raised when the rate's products, product types or shipping options change. */
  "tax-rate.updated": Id;
  "tax-rate.deleted": Id;
  /** A swap of an order was created (its return requested, its cart made). */
  "swap.created": SwapEvent;
  /** The swap's cart was completed: the swap is confirmed, its new items' stock taken and its payment authorized. */
  "swap.payment_completed": SwapEvent;
  /** Processing the swap's payment captured the payment of its cart. */
  "swap.payment_captured": SwapEvent;
  /** Processing the swap's payment refunded what the returned items are worth. */
  "swap.refund_processed": SwapEvent;
  /** The swap's return was received (raised by the return module with `order.items_returned`). */
  "swap.received": SwapEvent & { order_id: string; return_id: string };
  "swap.fulfillment_created": SwapEvent & { fulfillment_id: string };
  "swap.shipment_created": SwapEvent & { fulfillment_id: string };
  /** A swap was canceled: its return canceled, its stock given back. */
  "swap.canceled": { id: string; order_id: string };

  "shipping-option.created": Id;
  "shipping-option.updated": Id;
  "shipping-option.deleted": Id;

  "user.created": Id;
  "user.updated": Id;
  "user.deleted": Id;
  /** A password reset was asked for: a notification provider sends `token` to `email`. */
  "user.password_reset": { email: string; token: string };
  /** An admin invited someone (or resent the invite): a notification provider sends `token` to `user_email`. */
  "invite.created": { id: string; token: string; user_email: string };
}

/** Every core event's name, at runtime (the generators read it to know what is declared). */
export const CORE_EVENT_NAMES = [
  "cart.created",
  "cart.updated",
  "claim.created",
  "claim.updated",
  "claim.canceled",
  "claim.fulfillment_created",
  "claim.shipment_created",
  "claim.refund_processed",
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "customer.password_reset",
  "customer-group.created",
  "customer-group.updated",
  "customer-group.deleted",
  "draft-order.created",
  "draft-order.updated",
  "discount.created",
  "discount.updated",
  "discount.deleted",
  "gift-card.created",
  "gift-card.updated",
  "gift-card.deleted",
  "order.placed",
  "order.updated",
  "order.completed",
  "order.archived",
  "order.canceled",
  "order.payment_captured",
  "order.refund_created",
  "order.fulfillment_created",
  "order.shipment_created",
  "order.fulfillment_canceled",
  "order.action_abandoned",
  "order-update-token.created",
  "order.return_requested",
  "order.items_returned",
  "order-edit.created",
  "order-edit.updated",
  "order-edit.requested",
  "order-edit.confirmed",
  "order-edit.declined",
  "order-edit.canceled",
  "payment-collection.created",
  "payment-collection.updated",
  "payment-collection.deleted",
  "payment-collection.payment_authorized",
  "batch.created",
  "batch.pre_processed",
  "batch.confirmed",
  "batch.canceled",
  "batch.completed",
  "batch.failed",
  "note.created",
  "note.updated",
  "note.deleted",
  "notification.created",
  "product.created",
  "product.updated",
  "product.deleted",
  "product-variant.created",
  "product-variant.updated",
  "product-variant.deleted",
  "product-category.created",
  "product-category.updated",
  "product-category.deleted",
  "product-collection.created",
  "product-collection.updated",
  "product-collection.deleted",
  "price-list.created",
  "price-list.updated",
  "price-list.deleted",
  "region.created",
  "region.updated",
  "region.deleted",
  "return-reason.created",
  "return-reason.updated",
  "return-reason.deleted",
  "return.canceled",
  "sales-channel.created",
  "sales-channel.updated",
  "sales-channel.deleted",
  "publishable-api-key.created",
  "publishable-api-key.revoked",
  "stock-location.created",
  "stock-location.updated",
  "stock-location.deleted",
  "inventory-item.created",
  "inventory-item.updated",
  "inventory-item.deleted",
  "reservation-item.created",
  "reservation-item.updated",
  "reservation-item.deleted",
  "store.updated",
  "tax-rate.created",
  "tax-rate.updated",
  "tax-rate.deleted",
  "swap.created",
  "swap.payment_completed",
  "swap.payment_captured",
  "swap.refund_processed",
  "swap.received",
  "swap.fulfillment_created",
  "swap.shipment_created",
  "swap.canceled",
  "shipping-option.created",
  "shipping-option.updated",
  "shipping-option.deleted",
  "user.created",
  "user.updated",
  "user.deleted",
  "user.password_reset",
  "invite.created",
] as const satisfies readonly (keyof CoreEvents)[];

/** The list names every event: this fails to compile when one is missing from it. */
const listed: Record<Exclude<keyof CoreEvents, (typeof CORE_EVENT_NAMES)[number]>, never> = {};
void listed;
