import { validationErrorFor } from "../../../../../lib/header";
import { withValidation, type KioskResponse } from "kiosk";
import type CartCompletionService from "../../../../../services/cart-completion";
import { idempotencyKey } from "../../validators";
import { completionResponse } from "../../../../schemas";

/**
 * Places the order: `{ type: "order", data: order }`. Completing again (the same
 * cart, or the same `Idempotency-Key`) answers the same order; a payment that
 * needs more from the customer answers `{ type: "cart", data: cart }`.
 */
export const POST = withValidation({ response: completionResponse }, async (req, res: KioskResponse) => {
  const header = req.headers["idempotency-key"];
  let key: string | undefined;
  if (header !== undefined) {
    const parsed = idempotencyKey.safeParse(Array.isArray(header) ? header[0] : header);
    if (!parsed.success) throw validationErrorFor(parsed.error, "Idempotency-Key");
    key = parsed.data;
    res.setHeader("Idempotency-Key", key);
  }
  res.json(await req.scope.resolve<CartCompletionService>("cartCompletionService").complete(req.params.id, key));
});
