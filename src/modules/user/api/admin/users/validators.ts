import { metadata, z } from "kiosk";
import { USER_ROLES } from "../../../models/user";

const name = z.string().max(200).nullable().optional();

export const createUser = z.strictObject({
  email: z.string().email().max(254),
  password: z.string().min(8).max(256),
  first_name: name,
  last_name: name,
  role: z.enum(USER_ROLES).optional(),
  metadata,
});

export const updateUser = createUser.omit({ email: true }).partial();
