import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../services/cart";
import { updateCart } from "../validators";
import { cartResponse } from "../../../schemas";

/** A cart with its items, shipping, payment sessions and totals: `{ cart }`. */
export const GET = withValidation({ response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").retrieve(req.params.id) });
});

/** Updates email, addresses, region, sales channel, discounts, gift cards, customer, context or metadata: `{ cart }`. */
export const POST = withValidation({ body: updateCart, response: cartResponse }, async (req, res: KioskResponse) => {
  const customerId = req.auth?.actorType === "customer" ? req.auth.actorId : undefined;
  const salesChannelIds = req.scope.resolve("publishableApiKeyService").channelsOf(req);
  res.json({ cart: await req.scope.resolve<CartService>("cartService").update(req.params.id, req.validatedBody, { customerId, salesChannelIds }) });
});
