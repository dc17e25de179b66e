/**
 * The events a notification can be sent for. The config's `notifications` says
 * which provider sends each (by default `log` for the first four); an event
 * it names that is not here is never notified.
 */
export const NOTIFIABLE_EVENTS = [
  "order.placed",
  "order.shipment_created",
  "order.canceled",
  "customer.created",
  "order.fulfillment_created",
  "order.refund_created",
  "order.return_requested",
  "order.items_returned",
] as const;
