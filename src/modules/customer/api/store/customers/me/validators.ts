import { customFieldsShape, metadata, z } from "kiosk";
import { email, optionalText, password, requiredName } from "../../../customer-fields";

/** The body of `POST /store/customers/me`. */
export const updateMe = z.strictObject({
  email: email.optional(),
  password: password.optional(),
  first_name: requiredName.optional(),
  last_name: requiredName.optional(),
  phone: optionalText,
  metadata,
  ...customFieldsShape("customer", "store"),
});
