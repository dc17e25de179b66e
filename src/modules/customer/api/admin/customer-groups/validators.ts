import { listQuery, metadata, z } from "kiosk";
import { GROUP_ORDER_FIELDS } from "../../../lib/group-lists";

const name = z.string().trim().min(1).max(200);

/** `GET /admin/customer-groups`: `q` searches names; `order` is a field, `-field` for descending (newest first by default). */
export const listCustomerGroups = listQuery(
  {
    q: z.string().max(200).optional(),
    order: z.enum([...GROUP_ORDER_FIELDS, ...GROUP_ORDER_FIELDS.map((f) => `-${f}` as const)]).optional(),
  },
  10,
);

/** The body of `POST /admin/customer-groups`, as Medusa v1's `AdminPostCustomerGroupsReq`. */
export const createCustomerGroup = z.strictObject({ name, metadata });

/** The body of `POST /admin/customer-groups/:id`. */
export const updateCustomerGroup = z.strictObject({ name: name.optional(), metadata });

/** `GET /admin/customer-groups/:id/customers`. */
export const listGroupCustomers = listQuery({ q: z.string().max(200).optional() }, 50);

/** The body of `POST|DELETE /admin/customer-groups/:id/customers/batch`. */
export const customerBatch = z.strictObject({
  customer_ids: z.array(z.strictObject({ id: z.string().min(1).max(200) })).min(1).max(1000),
});
