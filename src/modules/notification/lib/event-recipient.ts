import type { KioskServices } from "kiosk";
import type { NotificationEventData } from "./notification-provider";

/** The object an event is about: `order` for `order.placed`, `customer` for `customer.created`. */
export function resourceTypeOf(eventName: string): string {
  return eventName.split(".")[0];
}

/**
 * The event's payload with its recipient: the order's or customer's email and
 * customer id, read through the owning module's service (outside any transaction).
 * Another object's events are passed on as they are.
 */
export async function withRecipient(cradle: KioskServices, eventName: string, data: { id: string }): Promise<NotificationEventData> {
  const type = resourceTypeOf(eventName);
  if (type === "order") {
    const order = await cradle.orderService.retrieve(data.id);
    return { ...data, email: order.email, customer_id: order.customer_id };
  }
  if (type === "customer") {
    const customer = await cradle.customerService.retrieve(data.id);
    return { ...data, email: customer.email, customer_id: customer.id };
  }
  return { ...data };
}
