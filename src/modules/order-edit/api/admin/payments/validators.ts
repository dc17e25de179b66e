import { money, z } from "kiosk";

/** The body of `POST /admin/payments/:id/refund`. */
export const refundPayment = z.strictObject({
  amount: money.min(1),
  reason: z.enum(["discount", "return", "swap", "claim", "other"]),
  note: z.string().max(2000).nullable().optional(),
});

export const noInput = z.strictObject({});
