import { responses, withValidation, z, type KioskResponse } from "kiosk";
import type OrderClaimingService from "../../../../../services/order-claiming";

const body = z.strictObject({ token: z.string().min(1).max(4096) });

/**
 * Confirms an order claim with the token sent to the orders' email (Medusa v1
 * `POST /store/orders/customer/confirm`, no sign-in needed): the guest orders it
 * names move to the customer who asked. 200 with no body; 401 `invalid_claim_token`
 * for a wrong or expired token.
 */
export const POST = withValidation({ body, response: responses.emptyOk }, async (req, res: KioskResponse) => {
  await req.scope.resolve<OrderClaimingService>("orderClaimingService").confirm(req.validatedBody.token);
  res.status(200).end();
});
