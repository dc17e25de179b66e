/** The `order_sequence` row display ids are taken from. */
export const DISPLAY_ID_SEQUENCE = "order_display_id";

/** The fields `GET /admin/orders?order=` sorts by (`-field` for descending). */
export const ORDER_SORT_FIELDS = ["created_at", "updated_at", "display_id", "email"] as const;

/**
 * How long an admin action may hold its claim on an order (see
 * `lib/order-claim.ts`). A claim older than this was left by a crash; the next
 * admin action on the order releases it. Providers must answer well within it.
 */
export const ORDER_ACTION_LEASE_MS = 120_000;

/** What an order claim token is signed for (`services/order-claiming.ts`). */
export const ORDER_CLAIM_PURPOSE = "order_claim";

/** How long an order claim token is valid, in seconds: 15 minutes, as Medusa v1. */
export const ORDER_CLAIM_TTL = 900;
