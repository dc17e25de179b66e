import { money, z } from "kiosk";

const reference = z.string().min(1).max(200);

export const setSession = z.strictObject({ provider_id: reference });

export const setSessions = z.strictObject({
  sessions: z.array(z.strictObject({ provider_id: reference, amount: money, session_id: reference.optional() })).min(1).max(20),
});

export const authorizeSessions = z.strictObject({ session_ids: z.array(reference).min(1).max(20) });

export const noInput = z.strictObject({});
