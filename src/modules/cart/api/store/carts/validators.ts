import { addressPayload, countryCode, customFieldsShape, metadata, z } from "kiosk";
import { MAX_LINE_QUANTITY, MAX_LINES } from "../../../lib/limits";

const id = z.string().min(1).max(100);

/** A whole number of units: at least 1, at most 10 000 (fractions, zero, negatives and strings are a 400). */
const quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);

/** An address, as Medusa v1's `AddressPayload`: the kernel's shared schema. */
export const address = addressPayload;

/** An address, or the id of one in the signed-in customer's address book. */
const addressOrId = z.union([address, id]).nullable();

/** The body of `POST /store/carts/:id/line-items`. */
export const addLineItem = z.strictObject({ variant_id: id, quantity, metadata });

/** The body of `POST /store/carts/:id/line-items/:line_id`: quantity 0 removes the line, as in Medusa v1. */
export const updateLineItem = z.strictObject({
  quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY),
  metadata,
});

/** The body of `POST /store/carts`, as Medusa v1's `StorePostCartReq`. */
export const createCart = z.strictObject({
  region_id: id.optional(),
  country_code: countryCode.optional(),
  email: z.email().max(254).optional(),
  items: z.array(addLineItem).max(MAX_LINES).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  metadata,
  // Accepted for Medusa clients; sales channels are not part of Kiosk.
  sales_channel_id: z.string().max(100).optional(),
  ...customFieldsShape("cart", "store"),
});

/** The body of `POST /store/carts/:id`, as Medusa v1's `StorePostCartsCartReq`. */
export const updateCart = z.strictObject({
  region_id: id.optional(),
  country_code: countryCode.optional(),
  email: z.email().max(254).optional(),
  customer_id: id.optional(),
  shipping_address: addressOrId.optional(),
  billing_address: addressOrId.optional(),
  discounts: z.array(z.strictObject({ code: z.string().trim().min(1).max(100) })).max(10).optional(),
  gift_cards: z.array(z.strictObject({ code: z.string().trim().min(1).max(100) })).max(10).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  metadata,
  sales_channel_id: z.string().max(100).optional(),
  ...customFieldsShape("cart", "store"),
});

/** The body of `POST /store/carts/:id/shipping-methods`. */
export const addShippingMethod = z.strictObject({ option_id: id, data: z.record(z.string(), z.unknown()).optional() });

/** The body of `POST /store/carts/:id/payment-session`. */
export const selectPaymentSession = z.strictObject({ provider_id: id });

/** The body of `POST /store/carts/:id/payment-sessions/:provider_id`. */
export const updatePaymentSession = z.strictObject({ data: z.record(z.string(), z.unknown()) });

/** The `Idempotency-Key` header of a completion. */
export const idempotencyKey = z.string().trim().min(1).max(200).regex(/^[\w.:-]+$/, "may hold letters, digits, _ . : and - only");
