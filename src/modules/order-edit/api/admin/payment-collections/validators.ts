import { metadata, z } from "kiosk";

export const updatePaymentCollection = z.strictObject({ description: z.string().max(10_000).nullable().optional(), metadata });

export const noInput = z.strictObject({});
