import { customFieldsShape, z } from "kiosk";
import { email, optionalText, password, requiredName } from "../../customer-fields";

/** The body of `POST /store/customers` (sign-up), as Medusa v1's `StorePostCustomersReq`. */
export const signUp = z.strictObject({
  email,
  password,
  first_name: requiredName,
  last_name: requiredName,
  phone: optionalText,
  ...customFieldsShape("customer", "store"),
});
