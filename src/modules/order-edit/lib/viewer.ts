import type { KioskRequest } from "kiosk";

/** The store request's signed-in customer's id, or null: an edit of a customer's order is shown only to that customer. */
export const viewerOf = (req: KioskRequest): string | null => (req.auth?.actorType === "customer" ? req.auth.actorId : null);
