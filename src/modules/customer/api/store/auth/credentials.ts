import { z } from "kiosk";
import { email } from "../../customer-fields";

/** The body of `POST /store/auth` and `POST /store/auth/token`. */
export const credentials = z.strictObject({
  email,
  password: z.string().min(1).max(256),
});
