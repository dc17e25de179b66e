import { InvalidDataError, NotFoundError, UnprocessableError, type KioskServices, type OrderView } from "kiosk";
import type { CreateClaimInput } from "./create-claim";

/**
 * A claim with `return_shipping` asks the return module for a return of the
 * claimed units, so they must be returnable (422 `quantity_exceeds_returnable`)
 * and the option a return option of the order's region (400
 * `invalid_shipping_option`): checked here, before a refund claim's provider
 * call, so the return cannot fail after the money went back.
 */
export async function assertReturnable(cradle: KioskServices, order: OrderView, input: CreateClaimInput): Promise<void> {
  const returnable = new Map<string, number>((order.returnable_items ?? []).map((i: { id: string; returnable_quantity: number }) => [i.id, i.returnable_quantity]));
  for (const { item_id, quantity } of input.claim_items) {
    const left = returnable.get(item_id) ?? 0;
    if (quantity > left) {
      throw new UnprocessableError(`Line item ${item_id} has ${left} returnable units, fewer than ${quantity}`, "quantity_exceeds_returnable", "claim_items");
    }
  }
  const option = await cradle.shippingOptionService.retrieve(input.return_shipping!.option_id).catch((err) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
  if (!option || !option.is_return || option.region_id !== order.region_id) {
    throw new InvalidDataError(`Shipping option ${input.return_shipping!.option_id} is not a return shipping option of the order's region`, {
      code: "invalid_shipping_option",
      field: "return_shipping",
    });
  }
}
