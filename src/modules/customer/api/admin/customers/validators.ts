import { customFieldsFilterShape, customFieldsShape, listQuery, metadata, z } from "kiosk";
import { CUSTOMER_ORDER_FIELDS } from "../../../services/customer";
import { email, optionalText, password, requiredName } from "../../customer-fields";

/** `GET /admin/customers`: `q` searches email, names and phone; `order` is a field, `-field` for descending. */
export const listCustomers = listQuery(
  {
    q: z.string().max(200).optional(),
    order: z.enum([...CUSTOMER_ORDER_FIELDS, ...CUSTOMER_ORDER_FIELDS.map((f) => `-${f}` as const)]).optional(),
    ...customFieldsFilterShape("customer"),
  },
  50,
);

/** The body of `POST /admin/customers`, as Medusa v1's `AdminPostCustomersReq`. */
export const createCustomer = z.strictObject({
  email,
  password,
  first_name: requiredName,
  last_name: requiredName,
  phone: optionalText,
  metadata,
  ...customFieldsShape("customer", "admin"),
});

/** The body of `POST /admin/customers/:id`; `groups` sets the customer's groups exactly. */
export const updateCustomer = createCustomer.partial().extend({
  groups: z.array(z.strictObject({ id: z.string().min(1).max(200) })).max(1000).optional(),
});
