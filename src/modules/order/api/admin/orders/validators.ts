import { addressPayload, dateRange, listQuery, metadata, money, stringList, z } from "kiosk";
import { FULFILLMENT_STATUSES, ORDER_STATUSES, PAYMENT_STATUSES } from "../../../models/order";
import { ORDER_SORT_FIELDS } from "../../../lib/constants";

const id = z.string().min(1).max(100);

/** `GET /admin/orders`: Medusa v1's filters (`created_at[gte]=…`, `status[]=…`), `q` searches email, display id and id. */
export const listOrders = listQuery(
  {
    q: z.string().max(200).optional(),
    id: stringList.pipe(z.array(id).max(200)).optional(),
    status: stringList.pipe(z.array(z.enum(ORDER_STATUSES))).optional(),
    fulfillment_status: stringList.pipe(z.array(z.enum(FULFILLMENT_STATUSES))).optional(),
    payment_status: stringList.pipe(z.array(z.enum(PAYMENT_STATUSES))).optional(),
    customer_id: id.optional(),
    email: z.string().max(254).optional(),
    region_id: id.optional(),
    sales_channel_id: stringList.pipe(z.array(id).max(200)).optional(),
    cart_id: id.optional(),
    display_id: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
    currency_code: z.string().regex(/^[a-zA-Z]{3}$/).optional(),
    created_at: dateRange.optional(),
    updated_at: dateRange.optional(),
    order: z.enum([...ORDER_SORT_FIELDS, ...ORDER_SORT_FIELDS.map((f) => `-${f}` as const)]).optional(),
  },
  50,
);

/** The body of `POST /admin/orders/:id/fulfillment`. */
export const createFulfillment = z.strictObject({
  items: z
    .array(z.strictObject({ item_id: id, quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(100),
  no_notification: z.boolean().optional(),
  metadata,
  location_id: z.string().max(100).optional(),
});

/** The body of `POST /admin/orders/:id/shipment`. */
export const createShipment = z.strictObject({
  fulfillment_id: id,
  tracking_numbers: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  no_notification: z.boolean().optional(),
});

/** The body of `POST /admin/orders/:id/refund`. */
export const createRefund = z.strictObject({
  amount: money.min(1),
  reason: z.enum(["discount", "return", "swap", "claim", "other"]),
  note: z.string().max(2000).nullable().optional(),
  no_notification: z.boolean().optional(),
});

/** Actions without a body (capture, cancel, complete, archive) accept an empty one. */
export const noBody = z.strictObject({});

/** The body of `POST /admin/orders/:id`, as Medusa v1's `AdminPostOrdersOrderReq` (email, addresses, no_notification, metadata). */
export const updateOrder = z.strictObject({
  email: z.email().max(254).optional(),
  billing_address: addressPayload.optional(),
  shipping_address: addressPayload.optional(),
  no_notification: z.boolean().optional(),
  metadata,
});

/** The body of `POST /admin/orders/:id/shipping-methods`, as Medusa v1's `AdminPostOrdersOrderShippingMethodsReq`. */
export const addShippingMethod = z.strictObject({
  option_id: id,
  price: money,
  data: z.record(z.string(), z.unknown()).optional(),
});
