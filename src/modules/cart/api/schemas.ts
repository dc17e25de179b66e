import { responses, z } from "kiosk";

const { timestamp, metadata, reference } = responses;
const text = z.string().nullable();
const amount = z.number().int();
const address = z.looseObject({ id: z.string(), country_code: text, address_1: text, city: text, postal_code: text, metadata }).nullable();

/** A line of a cart (and, once completed, of its order), with its totals. */
export const LineItem = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    cart_id: text,
    order_id: text,
    variant_id: text,
    product_id: text.optional(),
    title: z.string(),
    description: text,
    thumbnail: text,
    is_giftcard: z.boolean(),
    allow_discounts: z.boolean(),
    unit_price: amount,
    quantity: z.number().int(),
    fulfilled_quantity: z.number().int().nullable(),
    shipped_quantity: z.number().int().nullable(),
    returned_quantity: z.number().int().nullable(),
    metadata,
    subtotal: amount,
    discount_total: amount,
    tax_total: amount,
    total: amount,
    adjustments: z.array(z.looseObject({ item_id: z.string(), discount_id: text, description: z.string(), amount })),
    variant: reference.nullable().optional(),
    tax_lines: z.array(z.looseObject({ rate: z.number(), name: z.string() })).optional(),
    includes_tax: z.boolean().optional(),
  })
  .meta({ id: "LineItem" });

const totals = {
  subtotal: amount,
  discount_total: amount,
  shipping_total: amount,
  item_tax_total: amount,
  shipping_tax_total: amount,
  tax_total: amount,
  gift_card_total: amount,
  gift_card_tax_total: amount,
  total: amount,
};

/** A cart with its lines, region, discounts, shipping methods, payment sessions and totals (Medusa v1's shape). */
export const Cart = z
  .looseObject({
    object: z.literal("cart"),
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    email: text,
    region_id: z.string(),
    customer_id: text,
    currency_code: z.string(),
    type: z.string(),
    completed_at: timestamp.nullable(),
    payment_authorized_at: timestamp.nullable(),
    context: z.record(z.string(), z.unknown()).nullable(),
    metadata,
    shipping_address_id: text,
    billing_address_id: text,
    shipping_address: address,
    billing_address: address,
    items: z.array(LineItem),
    region: reference,
    discounts: z.array(reference),
    gift_cards: z.array(z.looseObject({ id: z.string(), code: z.string(), balance: amount, region_id: z.string() })),
    shipping_methods: z.array(reference),
    payment_sessions: z.array(reference),
    payment_session: reference.nullable(),
    payment_id: text,
    ...totals,
  })
  .meta({ id: "Cart" });

/** Every cart route answers `{ cart }`. */
export const cartResponse = z.looseObject({ cart: Cart });

/** A completion: the order (the order module's object), the swap of a `swap` cart (the swap module's), or the cart when payment needs more. */
export const completionResponse = z.union([
  z.looseObject({ type: z.literal("order"), data: z.looseObject({ object: z.literal("order"), id: z.string() }) }),
  z.looseObject({ type: z.literal("swap"), data: z.looseObject({ object: z.literal("swap"), id: z.string() }) }),
  z.looseObject({ type: z.literal("cart"), data: Cart }),
]);
