import { requireActorId, responses, withValidation, z, type KioskResponse } from "kiosk";
import type OrderClaimingService from "../../../../../../services/order-claiming";

const body = z.strictObject({ order_ids: z.array(z.string().min(1).max(100)).min(1).max(100) });

/**
 * The signed-in customer asks to take over guest orders (Medusa v1
 * `POST /store/orders/batch/customer/token`): a token goes to each email the orders
 * were placed with (`order-update-token.created`). 200 with no body, as Medusa,
 * whichever of the ids were guest orders.
 */
export const POST = withValidation({ body, response: responses.emptyOk }, async (req, res: KioskResponse) => {
  const customerId = requireActorId(req, "customer");
  await req.scope.resolve<OrderClaimingService>("orderClaimingService").request(customerId, req.validatedBody.order_ids);
  res.status(200).end();
});
