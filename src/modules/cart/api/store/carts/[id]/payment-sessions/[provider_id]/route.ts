import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../../services/cart";
import { updatePaymentSession } from "../../../validators";
import { cartResponse } from "../../../../../schemas";

/** Replaces the provider data of a session: `{ cart }`. */
export const POST = withValidation({ body: updatePaymentSession, response: cartResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CartService>("cartService");
  res.json({ cart: await service.updatePaymentSession(req.params.id, req.params.provider_id, req.validatedBody.data) });
});

/** Removes a provider's session: `{ cart }`. */
export const DELETE = withValidation({ response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").deletePaymentSession(req.params.id, req.params.provider_id) });
});
