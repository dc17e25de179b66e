import { listQuery, metadata, money, z } from "kiosk";

const id = z.string().min(1).max(100);
const quantity = z.number().int().min(1).max(10_000);

const returnItems = z
  .array(z.strictObject({ item_id: id, quantity, reason_id: id.nullable().optional(), note: z.string().max(2000).nullable().optional() }))
  .min(1)
  .max(100);
const additionalItems = z.array(z.strictObject({ variant_id: id, quantity })).min(1).max(100);

/** `POST /store/swaps`, Medusa v1's body. */
export const storeCreateSwap = z.strictObject({
  order_id: id,
  return_items: returnItems,
  return_shipping_option: id.optional(),
  additional_items: additionalItems,
});

/** `POST /admin/orders/:id/swaps`, Medusa v1's body (`custom_shipping_options` is not supported). */
export const adminCreateSwap = z.strictObject({
  return_items: returnItems,
  return_shipping: z.strictObject({ option_id: id, price: money.optional() }).optional(),
  additional_items: additionalItems,
  no_notification: z.boolean().optional(),
  allow_backorder: z.boolean().optional(),
  return_location_id: z.string().max(100).optional(),
});

/** `POST /admin/orders/:id/swaps/:swap_id/fulfillments`. */
export const fulfilSwap = z.strictObject({
  metadata: metadata.optional(),
  no_notification: z.boolean().optional(),
  location_id: z.string().max(100).optional(),
});

/** `POST /admin/orders/:id/swaps/:swap_id/shipments`. */
export const shipSwap = z.strictObject({
  fulfillment_id: id,
  tracking_numbers: z.array(z.string().min(1).max(200)).max(50).optional(),
  no_notification: z.boolean().optional(),
});

/** `GET /admin/swaps`. */
export const listSwaps = listQuery({ order_id: id.optional() }, 50);

/** The `Idempotency-Key` header of `POST /store/swaps`. */
export const idempotencyKey = z.string().min(1).max(200);

/** Actions without a body (cancel, process-payment). */
export const noBody = z.strictObject({});
