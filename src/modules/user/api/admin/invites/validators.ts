import { z } from "kiosk";
import { USER_ROLES } from "../../../models/user";

const name = z.string().max(200).nullable().optional();

export const createInvite = z.strictObject({ user: z.string().email().max(254), role: z.enum(USER_ROLES) });

export const acceptInvite = z.strictObject({
  token: z.string().min(1).max(4_000),
  user: z.strictObject({ first_name: name, last_name: name, password: z.string().min(8).max(256) }),
});
