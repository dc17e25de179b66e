import { responses, z } from "kiosk";
import { CLAIM_FULFILLMENT_STATUSES, CLAIM_PAYMENT_STATUSES, CLAIM_TYPES } from "../models/claim-order";
import { CLAIM_REASONS } from "../models/claim-item";

const { timestamp, metadata } = responses;
const amount = z.number().int();

/** Units of one order line a claim is about. */
export const ClaimItem = z
  .looseObject({
    id: z.string(),
    claim_order_id: z.string(),
    item_id: z.string(),
    variant_id: z.string().nullable(),
    reason: z.enum(CLAIM_REASONS),
    note: z.string().nullable(),
    quantity: z.number().int(),
    tags: z.array(z.looseObject({ value: z.string() })),
    images: z.array(z.looseObject({ url: z.string() })),
    metadata,
  })
  .meta({ id: "ClaimItem" });

/** A replacement a `replace` claim sends, shown as a line. */
export const ClaimAdditionalItem = z
  .looseObject({
    id: z.string(),
    claim_order_id: z.string(),
    variant_id: z.string(),
    title: z.string(),
    unit_price: amount,
    quantity: z.number().int(),
    fulfilled_quantity: z.number().int(),
    shipped_quantity: z.number().int(),
    total: amount,
  })
  .meta({ id: "ClaimAdditionalItem" });

/** A claim on an order's items (Medusa v1's `ClaimOrder`). */
export const Claim = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    type: z.enum(CLAIM_TYPES),
    payment_status: z.enum(CLAIM_PAYMENT_STATUSES),
    fulfillment_status: z.enum(CLAIM_FULFILLMENT_STATUSES),
    order_id: z.string(),
    return_id: z.string().nullable(),
    shipping_address: z.record(z.string(), z.unknown()).nullable(),
    refund_amount: amount.nullable(),
    canceled_at: timestamp.nullable(),
    no_notification: z.boolean().nullable(),
    idempotency_key: z.string().nullable(),
    metadata,
    claim_items: z.array(ClaimItem),
    additional_items: z.array(ClaimAdditionalItem),
    shipping_methods: z.array(z.looseObject({ id: z.string(), shipping_option_id: z.string(), price: amount })),
    fulfillments: z.array(
      z.looseObject({
        id: z.string(),
        claim_order_id: z.string(),
        provider_id: z.string(),
        items: z.array(z.looseObject({ item_id: z.string(), quantity: z.number().int() })),
        tracking_numbers: z.array(z.string()),
        shipped_at: timestamp.nullable(),
        canceled_at: timestamp.nullable(),
      }),
    ),
  })
  .meta({ id: "Claim" });

/** The answer of a claim action (Medusa v1): the order, whose schema is the order module's, with its claims. */
export const orderWithClaims = z.looseObject({ order: z.looseObject({ id: z.string(), claims: z.array(Claim) }) });
