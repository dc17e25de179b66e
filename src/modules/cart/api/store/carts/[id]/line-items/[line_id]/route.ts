import { withValidation, type KioskRequest, type KioskResponse } from "kiosk";
import type CartService from "../../../../../../services/cart";
import { updateLineItem } from "../../../validators";

/** Changes a line's quantity (0 removes it) or metadata: `{ cart }`. */
export const POST = withValidation({ body: updateLineItem }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CartService>("cartService");
  res.json({ cart: await service.updateLineItem(req.params.id, req.params.line_id, req.validatedBody) });
});

/** Removes a line: `{ cart }`. */
export async function DELETE(req: KioskRequest, res: KioskResponse) {
  res.json({ cart: await req.scope.resolve<CartService>("cartService").removeLineItem(req.params.id, req.params.line_id) });
}
