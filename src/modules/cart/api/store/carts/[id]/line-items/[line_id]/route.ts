import { withValidation, type KioskResponse } from "kiosk";
import type CartService from "../../../../../../services/cart";
import { updateLineItem } from "../../../validators";
import { cartResponse } from "../../../../../schemas";

/** Changes a line's quantity (0 removes it) or metadata: `{ cart }`. */
export const POST = withValidation({ body: updateLineItem, response: cartResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CartService>("cartService");
  res.json({ cart: await service.updateLineItem(req.params.id, req.params.line_id, req.validatedBody) });
});

/** Removes a line: `{ cart }`. */
export const DELETE = withValidation({ response: cartResponse }, async (req, res: KioskResponse) => {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").removeLineItem(req.params.id, req.params.line_id) });
});
