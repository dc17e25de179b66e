import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type OrderService from "../../../services/order";
import { listOrders } from "./validators";
import { orderList } from "../../schemas";

/** Orders, filtered and paged, newest first: `{ orders, count, offset, limit }`. */
export const GET = withValidation({ query: listOrders, response: orderList }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand: _e, fields: _f, ...filters } = req.validatedQuery;
  const [orders, count] = await req.scope.resolve<OrderService>("orderService").list(filters, { offset, limit, order });
  res.json(listEnvelope("orders", orders, count, req.validatedQuery));
});
