import { z } from "kiosk";

export const declineOrderEdit = z.strictObject({ declined_reason: z.string().max(10_000).optional() });

export const completeOrderEdit = z.strictObject({});
