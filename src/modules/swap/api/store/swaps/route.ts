import { InvalidDataError, withValidation, type KioskResponse } from "kiosk";
import type SwapService from "../../../services/swap";
import { idempotencyKey, storeCreateSwap } from "../../validators";
import { swapResponse } from "../../schemas";

/**
 * A customer's swap of shipped items of an order (guests too, as in Medusa
 * v1): the return of `return_items` and a cart of type `swap` with
 * `additional_items`, which the customer completes like any cart: `{ swap }`.
 * The same `Idempotency-Key` for the same order answers the same swap.
 */
export const POST = withValidation({ body: storeCreateSwap, response: swapResponse }, async (req, res: KioskResponse) => {
  const header = req.headers["idempotency-key"];
  let key: string | undefined;
  if (header !== undefined) {
    const parsed = idempotencyKey.safeParse(Array.isArray(header) ? header[0] : header);
    if (!parsed.success) throw new InvalidDataError("Idempotency-Key: invalid", { code: "invalid_request", field: "Idempotency-Key" });
    key = parsed.data;
    res.setHeader("Idempotency-Key", key);
  }
  const { return_shipping_option, ...body } = req.validatedBody;
  const swap = await req.scope.resolve<SwapService>("swapService").create({
    ...body,
    return_shipping: return_shipping_option ? { option_id: return_shipping_option } : undefined,
    idempotency_key: key ?? null,
  });
  res.json({ swap });
});
