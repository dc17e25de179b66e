import { addressPayload, countryCode, listQuery, metadata, money, z } from "kiosk";

const id = z.string().min(1).max(100);
/** Units of a line: 1 to 10,000, as a cart's. */
const quantity = z.number().int().min(1).max(10_000);
const title = z.string().trim().min(1).max(500);
/** An address, or the id of one in the draft's customer's address book. */
const address = z.union([addressPayload, id]).nullable();
const discounts = z.array(z.strictObject({ code: z.string().trim().min(1).max(100) })).max(10);

/** A line: a variant (at `unit_price` when given, else the region's price) or, without one, a custom line. */
export const draftLineItem = z.strictObject({ variant_id: id.optional(), unit_price: money.optional(), title: title.optional(), quantity, metadata });

/** The body of `POST /admin/draft-orders` (Medusa v1's `AdminPostDraftOrdersReq`); a cart ships one way, so one method at most. */
export const createDraftOrder = z.strictObject({
  email: z.email().max(254),
  region_id: id,
  items: z.array(draftLineItem).max(100).optional(),
  shipping_methods: z.array(z.strictObject({ option_id: id, data: z.record(z.string(), z.unknown()).optional(), price: money.optional() })).max(1),
  shipping_address: address.optional(),
  billing_address: address.optional(),
  customer_id: id.optional(),
  discounts: discounts.optional(),
  no_notification_order: z.boolean().optional(),
  metadata,
});

/** The body of `POST /admin/draft-orders/:id` (Medusa v1's `AdminPostDraftOrdersDraftOrderReq`). */
export const updateDraftOrder = z.strictObject({
  region_id: id.optional(),
  country_code: countryCode.optional(),
  email: z.email().max(254).optional(),
  shipping_address: address.optional(),
  billing_address: address.optional(),
  discounts: discounts.optional(),
  customer_id: id.optional(),
  no_notification_order: z.boolean().optional(),
});

/** The body of `POST /admin/draft-orders/:id/line-items/:line_id`: quantity 0 removes the line. */
export const updateDraftLineItem = z.strictObject({
  quantity: z.number().int().min(0).max(10_000).optional(),
  unit_price: money.optional(),
  title: title.optional(),
  metadata,
});

export const listDraftOrders = listQuery({ q: z.string().max(200).optional() }, 50);
