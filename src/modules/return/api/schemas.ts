import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

const fields = {
  id: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullable(),
  value: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  parent_return_reason_id: z.string().nullable(),
  metadata,
};

/** A reason as it appears inside another: its parent or one of its children. */
export const ReturnReasonRef = z.looseObject(fields).meta({ id: "ReturnReasonRef" });

/** Why an item comes back; with its parent (null for a top-level reason) and its children. */
export const ReturnReason = z
  .looseObject({ ...fields, parent_return_reason: ReturnReasonRef.nullable(), return_reason_children: z.array(ReturnReasonRef) })
  .meta({ id: "ReturnReason" });

export const returnReasonResponse = z.looseObject({ return_reason: ReturnReason });
export const returnReasonList = z.looseObject({ return_reasons: z.array(ReturnReason) });

const amount = z.number().int();

/** Units of one order line in a return, with the reason given. */
export const ReturnItem = z
  .looseObject({
    id: z.string(),
    return_id: z.string(),
    item_id: z.string(),
    quantity: z.number().int(),
    is_requested: z.boolean(),
    requested_quantity: z.number().int().nullable(),
    received_quantity: z.number().int().nullable(),
    reason_id: z.string().nullable(),
    reason: ReturnReasonRef.nullable(),
    note: z.string().nullable(),
    metadata,
  })
  .meta({ id: "ReturnItem" });

/** Items of an order on their way back (Medusa v1's `Return`). */
export const Return = z
  .looseObject({
    object: z.literal("return"),
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    status: z.enum(["requested", "received", "requires_action", "canceled"]),
    order_id: z.string(),
    items: z.array(ReturnItem),
    shipping_method: z.looseObject({ shipping_option_id: z.string(), price: amount }).nullable(),
    shipping_data: z.record(z.string(), z.unknown()).nullable(),
    refund_amount: amount.nullable(),
    received_at: timestamp.nullable(),
    no_notification: z.boolean().nullable(),
    metadata,
  })
  .meta({ id: "Return" });

export const returnResponse = z.looseObject({ return: Return });
export const returnList = responses.list("returns", Return);

/** The answer of an action on a return that answers its order (Medusa v1): the order, whose schema is the order module's, with its returns. */
export const orderWithReturns = z.looseObject({ order: z.looseObject({ id: z.string(), returns: z.array(Return) }) });
