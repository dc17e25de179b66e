import { responses, z } from "kiosk";

const { timestamp, metadata, reference } = responses;
const text = z.string().nullable();
const amount = z.number().int();

/** An order with its lines, payments, fulfillments and totals (Medusa v1's shape). */
export const Order = z
  .looseObject({
    object: z.literal("order"),
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    status: z.enum(["pending", "completed", "archived", "canceled", "requires_action"]),
    fulfillment_status: z.string(),
    payment_status: z.string(),
    display_id: z.number().int(),
    cart_id: text,
    customer_id: text,
    email: z.string(),
    region_id: z.string(),
    currency_code: z.string(),
    tax_rate: z.number().nullable(),
    shipping_address: z.looseObject({ id: z.string() }).nullable(),
    billing_address: z.looseObject({ id: z.string() }).nullable(),
    canceled_at: timestamp.nullable(),
    metadata,
    items: z.array(z.looseObject({ id: z.string(), title: z.string(), unit_price: amount, quantity: z.number().int(), total: amount })),
    region: reference,
    discounts: z.array(reference),
    gift_cards: z.array(z.looseObject({ id: z.string(), code: z.string(), balance: amount })),
    gift_card_transactions: z.array(z.looseObject({ id: z.string(), gift_card_id: z.string(), order_id: z.string(), amount })),
    shipping_methods: z.array(reference),
    payments: z.array(z.looseObject({ id: z.string(), provider_id: z.string(), amount, amount_refunded: amount, captured_at: timestamp.nullable() })),
    refunds: z.array(reference),
    fulfillments: z.array(reference),
    returns: z.array(reference),
    claims: z.array(reference),
    returnable_items: z.array(z.looseObject({ id: z.string(), returnable_quantity: z.number().int() })),
    subtotal: amount,
    discount_total: amount,
    shipping_total: amount,
    tax_total: amount,
    gift_card_total: amount,
    gift_card_tax_total: amount,
    total: amount,
    paid_total: amount,
    refunded_total: amount,
    refundable_amount: amount,
  })
  .meta({ id: "Order" });

export const orderResponse = z.looseObject({ order: Order });
export const orderList = responses.list("orders", Order);
