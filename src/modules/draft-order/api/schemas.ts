import { responses, z } from "kiosk";

const { timestamp, metadata, reference } = responses;

/** An order the admin builds, with its cart (the cart module's `Cart`: lines, totals, shipping, region). */
export const DraftOrder = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    status: z.enum(["open", "completed"]),
    display_id: z.number().int(),
    cart_id: z.string(),
    order_id: z.string().nullable(),
    canceled_at: timestamp.nullable(),
    completed_at: timestamp.nullable(),
    no_notification_order: z.boolean().nullable(),
    idempotency_key: z.string().nullable(),
    metadata,
    cart: z.looseObject({ id: z.string(), type: z.literal("draft_order"), items: z.array(reference), total: z.number().int() }),
  })
  .meta({ id: "DraftOrder" });

export const draftOrderResponse = z.looseObject({ draft_order: DraftOrder });
export const draftOrderList = responses.list("draft_orders", DraftOrder);
/** The answer of `POST /admin/draft-orders/:id/pay`: the order made (the order module's `Order`). */
export const draftOrderPaid = z.looseObject({ order: reference });
