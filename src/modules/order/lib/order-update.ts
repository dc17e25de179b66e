import { ADDRESS_FIELDS, generateId, InvalidDataError, mergeMetadata, type AddressPayload, type KioskServices, type TransactionContext } from "kiosk";
import { Order } from "../models/order";

/** The body of `POST /admin/orders/:id`, as Medusa v1's `AdminPostOrdersOrderReq` (the parts supported). */
export interface OrderUpdate {
  email?: string;
  billing_address?: AddressPayload;
  shipping_address?: AddressPayload;
  no_notification?: boolean;
  metadata?: Record<string, unknown> | null;
}


/**
 * The stored address with the given fields laid over it, as Medusa v1 updates an
 * order's address: a field left out is kept, `null` clears it; the id is kept
 * (or made, for an order without one) and the country lower-cased.
 */
export function mergeAddress(previous: Record<string, unknown> | null, input: AddressPayload): Record<string, unknown> {
  const address: Record<string, unknown> = { id: previous?.id ?? generateId("addr") };
  for (const field of ADDRESS_FIELDS) {
    address[field] = input[field] !== undefined ? input[field] : (previous?.[field] ?? null);
  }
  if (typeof address.country_code === "string") address.country_code = address.country_code.toLowerCase();
  return address;
}

/**
 * Writes an update to a locked, open order (the caller checked its status):
 * email, addresses (a shipping country must be in the order's region, a 400
 * `country_not_in_region`), `no_notification`, metadata merged.
 */
export async function applyOrderUpdate(cradle: KioskServices, tx: TransactionContext, order: Order, input: OrderUpdate): Promise<void> {
  const change: Partial<Pick<Order, "email" | "shipping_address" | "billing_address" | "no_notification" | "metadata">> = {};
  if (input.email !== undefined) change.email = input.email.toLowerCase();
  if (input.shipping_address) {
    const address = mergeAddress(order.shipping_address, input.shipping_address);
    if (address.country_code) {
      const region = await cradle.regionService.retrieve(order.region_id);
      if (!(region.countries ?? []).some((c) => c.iso_2 === address.country_code)) {
        throw new InvalidDataError(`Country ${address.country_code} is not in the order's region`, {
          code: "country_not_in_region",
          field: "shipping_address.country_code",
        });
      }
    }
    change.shipping_address = address;
  }
  if (input.billing_address) change.billing_address = mergeAddress(order.billing_address, input.billing_address);
  if (input.no_notification !== undefined) change.no_notification = input.no_notification;
  if (input.metadata !== undefined) change.metadata = mergeMetadata(order.metadata, input.metadata);
  await tx.manager.update(Order, { id: order.id }, { ...change, updated_at: new Date() } as never);
}
