import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../services/cart";
import { createCart } from "./validators";
import { cartResponse } from "../../schemas";

/**
 * Creates a cart in a region (the first region when none is given), for the signed-in customer if any,
 * in `sales_channel_id` (else the publishable key's first channel, else the default channel): `{ cart }`.
 */
export const POST = withValidation({ body: createCart, response: cartResponse }, async (req, res: KioskResponse) => {
  const customerId = req.auth?.actorType === "customer" ? req.auth.actorId : undefined;
  const salesChannelIds = req.scope.resolve("publishableApiKeyService").channelsOf(req);
  res.json({ cart: await req.scope.resolve<CartService>("cartService").create(req.validatedBody, { customerId, salesChannelIds }) });
});
