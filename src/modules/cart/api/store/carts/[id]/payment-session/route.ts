import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../services/cart";
import { selectPaymentSession } from "../../validators";
import { cartResponse } from "../../../../schemas";

/** Selects the session of a provider, the one authorized at completion: `{ cart }`. */
export const POST = withValidation({ body: selectPaymentSession, response: cartResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CartService>("cartService");
  res.json({ cart: await service.selectPaymentSession(req.params.id, req.validatedBody.provider_id) });
});
