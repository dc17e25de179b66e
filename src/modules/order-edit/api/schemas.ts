import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;
const amount = z.number().int();

/** A line of an order edit: a copy of an order line, or one the edit adds, with its totals. */
export const OrderEditLineItem = z
  .looseObject({
    id: z.string(),
    order_edit_id: z.string(),
    original_item_id: z.string().nullable(),
    variant_id: z.string().nullable(),
    title: z.string(),
    unit_price: amount,
    quantity: z.number().int(),
    metadata,
    subtotal: amount,
    discount_total: amount,
    tax_total: amount,
    total: amount,
  })
  .meta({ id: "OrderEditLineItem" });

/** One change an edit makes to its order's lines. */
export const OrderItemChange = z
  .looseObject({
    id: z.string(),
    type: z.enum(["item_add", "item_remove", "item_update"]),
    order_edit_id: z.string(),
    original_line_item_id: z.string().nullable(),
    line_item_id: z.string().nullable(),
    line_item: z.looseObject({ id: z.string() }).nullable(),
    original_line_item: z.looseObject({ id: z.string() }).nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "OrderItemChange" });

const editFields = {
  id: z.string(),
  object: z.literal("order_edit"),
  order_id: z.string(),
  status: z.enum(["created", "requested", "confirmed", "declined", "canceled"]),
  requested_at: timestamp.nullable(),
  confirmed_at: timestamp.nullable(),
  declined_at: timestamp.nullable(),
  declined_reason: z.string().nullable(),
  canceled_at: timestamp.nullable(),
  payment_collection_id: z.string().nullable(),
  items: z.array(OrderEditLineItem),
  changes: z.array(OrderItemChange),
  subtotal: amount,
  discount_total: amount,
  shipping_total: amount,
  tax_total: amount,
  total: amount,
  difference_due: amount,
  created_at: timestamp,
  updated_at: timestamp,
};

/** An order edit as the admin sees it, with the internal note and who did what. */
export const OrderEdit = z
  .looseObject({
    ...editFields,
    internal_note: z.string().nullable(),
    created_by: z.string(),
    requested_by: z.string().nullable(),
    confirmed_by: z.string().nullable(),
    declined_by: z.string().nullable(),
    canceled_by: z.string().nullable(),
  })
  .meta({ id: "OrderEdit" });

/** An order edit as the store sees it: no internal note, no staff ids. */
export const StoreOrderEdit = z.looseObject(editFields).meta({ id: "StoreOrderEdit" });

export const orderEditResponse = z.looseObject({ order_edit: OrderEdit });
export const orderEditList = responses.list("order_edits", OrderEdit);
export const storeOrderEditResponse = z.looseObject({ order_edit: StoreOrderEdit });

/** A payment session of a payment collection (Medusa's payment session). */
export const PaymentCollectionSession = z
  .looseObject({
    id: z.string(),
    payment_collection_id: z.string(),
    provider_id: z.string(),
    amount: amount,
    status: z.enum(["pending", "authorized", "requires_more", "error", "canceled"]),
    data: z.record(z.string(), z.unknown()),
    is_selected: z.boolean(),
    payment_authorized_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "PaymentCollectionSession" });

/** What a customer owes for an order edit, with its sessions and payments. */
export const PaymentCollection = z
  .looseObject({
    id: z.string(),
    object: z.literal("payment_collection"),
    type: z.literal("order_edit"),
    status: z.enum(["not_paid", "awaiting", "authorized", "partially_authorized", "canceled"]),
    description: z.string().nullable(),
    amount: amount,
    authorized_amount: amount.nullable(),
    region_id: z.string(),
    currency_code: z.string(),
    metadata,
    created_by: z.string(),
    payment_sessions: z.array(PaymentCollectionSession),
    payments: z.array(responses.reference),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "PaymentCollection" });

export const paymentCollectionResponse = z.looseObject({ payment_collection: PaymentCollection });
export const paymentSessionResponse = z.looseObject({ payment_session: PaymentCollectionSession });

/** A payment (Medusa v1's), with what was refunded of it. */
export const OrderPayment = z
  .looseObject({
    id: z.string(),
    order_id: z.string().nullable(),
    cart_id: z.string().nullable(),
    provider_id: z.string(),
    amount: amount,
    amount_refunded: amount,
    currency_code: z.string(),
    data: z.record(z.string(), z.unknown()),
    captured_at: timestamp.nullable(),
    canceled_at: timestamp.nullable(),
    metadata,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "OrderPayment" });

/** A refund of a payment. */
export const OrderRefund = z
  .looseObject({
    id: z.string(),
    order_id: z.string().nullable(),
    payment_id: z.string().nullable(),
    amount: amount,
    reason: z.string(),
    note: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: "OrderRefund" });

export const paymentResponse = z.looseObject({ payment: OrderPayment });
export const refundResponse = z.looseObject({ refund: OrderRefund });
