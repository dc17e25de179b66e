import type { KioskServices } from "kiosk";
import { assertOpen } from "../lib/order-status";
import { runProviderAction, type ProviderAction } from "../lib/provider-action";

/**
 * Another module's admin action on an order that calls a provider (a claim's
 * fulfillment): it takes the order's turn like the order's own actions, in
 * the same three steps (claim → provider call with no transaction open →
 * record; `lib/provider-action.ts`), on an order that is neither canceled nor
 * archived (422 `order_canceled` / `order_archived`).
 */
export default class OrderActionService {
  constructor(private readonly cradle: KioskServices) {}

  run<I, R, T>(orderId: string, action: ProviderAction<I, R, T>): Promise<T> {
    return runProviderAction(this.cradle.unitOfWork, orderId, {
      ...action,
      plan: async (tx, order) => {
        assertOpen(order);
        return action.plan(tx, order);
      },
    });
  }
}
