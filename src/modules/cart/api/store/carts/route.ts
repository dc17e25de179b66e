import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../services/cart";
import { createCart } from "./validators";
import { cartResponse } from "../../schemas";

/** Creates a cart in a region (the first region when none is given), for the signed-in customer if any: `{ cart }`. */
export const POST = withValidation({ body: createCart, response: cartResponse }, async (req, res: KioskResponse) => {
  const { sales_channel_id: _s, ...input } = req.validatedBody;
  const customerId = req.auth?.actorType === "customer" ? req.auth.actorId : undefined;
  res.json({ cart: await req.scope.resolve<CartService>("cartService").create(input, { customerId }) });
});
