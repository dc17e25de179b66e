import { listQuery, money, stringList, z } from "kiosk";
import { RETURN_STATUSES } from "../models/return";

const id = z.string().min(1).max(100);
const quantity = z.number().int().min(1).max(10_000);
const note = z.string().max(2000).nullable().optional();

const returnItems = z
  .array(z.strictObject({ item_id: id, quantity, reason_id: id.nullable().optional(), note }))
  .min(1)
  .max(100);

/** `POST /store/returns`: a customer's (or a guest's) return of an order's items, Medusa v1's body. */
export const storeCreateReturn = z.strictObject({
  order_id: id,
  items: returnItems,
  return_shipping: z.strictObject({ option_id: id }).optional(),
});

/** `POST /admin/orders/:id/return`, Medusa v1's body. */
export const adminCreateReturn = z.strictObject({
  items: returnItems,
  return_shipping: z.strictObject({ option_id: id, price: money.optional() }).optional(),
  note,
  receive_now: z.boolean().optional(),
  no_notification: z.boolean().optional(),
  refund: money.optional(),
  location_id: z.string().max(100).optional(),
});

/** `POST /admin/returns/:id/receive` (and the older `/admin/orders/:id/returns/:return_id/receive`). */
export const receiveReturn = z.strictObject({
  items: z.array(z.strictObject({ item_id: id, quantity })).min(1).max(100),
  refund: money.optional(),
  location_id: z.string().max(100).optional(),
});

/** `GET /admin/returns`. */
export const listReturns = listQuery(
  {
    order_id: id.optional(),
    status: stringList.pipe(z.array(z.enum(RETURN_STATUSES))).optional(),
  },
  50,
);

export const noBody = z.strictObject({});
