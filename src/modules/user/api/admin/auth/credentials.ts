import { z } from "kiosk";

/** The body of `POST /admin/auth` and `POST /admin/auth/token`. */
export const credentials = z.strictObject({
  email: z.string().email().max(254),
  password: z.string().min(1).max(256),
});
