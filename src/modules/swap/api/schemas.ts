import { responses, z } from "kiosk";
import { SWAP_FULFILLMENT_STATUSES, SWAP_PAYMENT_STATUSES } from "../models/swap";

const { timestamp, metadata, reference } = responses;
const amount = z.number().int();

/** The shipment of a swap's new items. */
export const SwapFulfillment = z
  .looseObject({
    id: z.string(),
    swap_id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    tracking_numbers: z.array(z.string()),
    tracking_links: z.array(z.looseObject({ tracking_number: z.string() })),
    shipped_at: timestamp.nullable(),
    canceled_at: timestamp.nullable(),
    no_notification: z.boolean().nullable(),
    metadata,
  })
  .meta({ id: "SwapFulfillment" });

const fields = {
  object: z.literal("swap"),
  id: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  fulfillment_status: z.enum(SWAP_FULFILLMENT_STATUSES),
  payment_status: z.enum(SWAP_PAYMENT_STATUSES),
  order_id: z.string(),
  return_id: z.string().nullable(),
  cart_id: z.string().nullable(),
  difference_due: amount.nullable(),
  shipping_address: z.looseObject({}).nullable(),
  confirmed_at: timestamp.nullable(),
  canceled_at: timestamp.nullable(),
  allow_backorder: z.boolean(),
  no_notification: z.boolean().nullable(),
  idempotency_key: z.string().nullable(),
  metadata,
  fulfillments: z.array(SwapFulfillment),
  additional_items: z.array(z.looseObject({ id: z.string(), variant_id: z.string().nullable(), quantity: z.number().int(), unit_price: amount })),
};

/** A swap as its order's view lists it: its columns, fulfillments and new items (its cart's lines, as stored). */
export const SwapRow = z.looseObject(fields).meta({ id: "SwapRow" });

/** Medusa v1's swap: with its return, its new items and shipping (its cart's) and its payment. */
export const Swap = z
  .looseObject({
    ...fields,
    return_order: reference.nullable(),
    shipping_methods: z.array(reference),
    payment: reference.nullable(),
  })
  .meta({ id: "Swap" });

export const swapResponse = z.looseObject({ swap: Swap });
export const swapList = responses.list("swaps", Swap);

/** The answer of a swap action (Medusa v1): the order, whose schema is the order module's, with its swaps. */
export const orderWithSwaps = z.looseObject({ order: z.looseObject({ id: z.string(), swaps: z.array(SwapRow) }) });
