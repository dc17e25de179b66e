import { withValidation, z, type KioskResponse } from "kiosk";
import type OrderService from "../../../services/order";
import { assertVisible } from "../../../lib/visibility";
import { orderResponse } from "../../schemas";

const lookup = z.strictObject({
  display_id: z.coerce.number().int().min(1).max(2_147_483_647),
  email: z.email().max(254),
  fields: z.string().max(500).optional(),
  expand: z.string().max(500).optional(),
});

/** Looks up an order by its display id and email (Medusa v1's order lookup): `{ order }`. */
export const GET = withValidation({ query: lookup, response: orderResponse }, async (req, res: KioskResponse) => {
  const { display_id, email } = req.validatedQuery;
  const order = await req.scope.resolve<OrderService>("orderService").findByDisplayId(display_id, email);
  res.json({ order: assertVisible(req, order, `#${display_id}`) });
});
