import { listEnvelope, listQuery, requireActorId, withValidation, z, type KioskResponse } from "kiosk";
import type OrderService from "../../../../../services/order";
import { orderList } from "../../../../schemas";

const query = listQuery(
  {
    status: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
  },
  10,
  100,
);

/** The signed-in customer's orders, newest first: `{ orders, count, offset, limit }`. */
export const GET = withValidation({ query, response: orderList }, async (req, res: KioskResponse) => {
  const customerId = requireActorId(req, "customer");
  const { offset, limit, status, q } = req.validatedQuery;
  const [orders, count] = await req.scope
    .resolve<OrderService>("orderService")
    .list({ customer_id: customerId, q, status: status?.split(",").filter(Boolean) }, { offset, limit });
  res.json(listEnvelope("orders", orders, count, req.validatedQuery));
});
