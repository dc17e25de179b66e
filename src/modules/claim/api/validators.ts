import { addressPayload, metadata, money, z } from "kiosk";
import { CLAIM_REASONS } from "../models/claim-item";
import { CLAIM_TYPES } from "../models/claim-order";

const id = z.string().min(1).max(100);
const quantity = z.number().int().min(1).max(10_000);
const note = z.string().max(2000).nullable().optional();
const tags = z.array(z.string().min(1).max(200)).max(50).optional();
const images = z.array(z.string().min(1).max(2000)).max(50).optional();

/** `POST /admin/orders/:id/claims`, Medusa v1's body. */
export const createClaim = z.strictObject({
  type: z.enum(CLAIM_TYPES),
  claim_items: z
    .array(z.strictObject({ item_id: id, quantity, reason: z.enum(CLAIM_REASONS).optional(), note, tags, images }))
    .min(1)
    .max(100),
  return_shipping: z.strictObject({ option_id: id, price: money.optional() }).optional(),
  additional_items: z.array(z.strictObject({ variant_id: id, quantity })).max(100).optional(),
  shipping_methods: z
    .array(z.strictObject({ option_id: id, price: money.optional(), data: z.record(z.string(), z.unknown()).optional() }))
    .max(10)
    .optional(),
  shipping_address: addressPayload.optional(),
  refund_amount: money.optional(),
  no_notification: z.boolean().optional(),
  return_location_id: z.string().max(100).optional(),
  metadata: metadata.optional(),
});

/** `POST /admin/orders/:id/claims/:claim_id`, Medusa v1's body (shipping methods are not taken: see the README). */
export const updateClaim = z.strictObject({
  claim_items: z
    .array(
      z.strictObject({
        id,
        note,
        reason: z.enum(CLAIM_REASONS).optional(),
        tags,
        images,
        metadata: metadata.optional(),
      }),
    )
    .max(100)
    .optional(),
  no_notification: z.boolean().optional(),
  metadata: metadata.optional(),
});

/** `POST /admin/orders/:id/claims/:claim_id/fulfillments`, Medusa v1's body. */
export const fulfillClaim = z.strictObject({
  metadata: metadata.optional(),
  no_notification: z.boolean().optional(),
  location_id: z.string().max(100).optional(),
});

/** `POST /admin/orders/:id/claims/:claim_id/shipments`, Medusa v1's body. */
export const shipClaim = z.strictObject({
  fulfillment_id: id,
  tracking_numbers: z.array(z.string().min(1).max(200)).max(50).optional(),
  no_notification: z.boolean().optional(),
});

export const noBody = z.strictObject({});
