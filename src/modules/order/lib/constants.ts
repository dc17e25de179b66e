/** The `order_sequence` row display ids are taken from. */
export const DISPLAY_ID_SEQUENCE = "order_display_id";

/** The fields `GET /admin/orders?order=` sorts by (`-field` for descending). */
export const ORDER_SORT_FIELDS = ["created_at", "updated_at", "display_id", "email"] as const;
