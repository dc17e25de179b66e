import type { EntityManager } from "typeorm";
import type { HookDefinition } from "./kernel/hooks/hook-runner";
import type { CartView } from "./modules/cart/lib/cart-view";
import type { Order } from "./modules/order/models/order";
import type { KioskServices } from "./services";

/**
 * The hooks the core modules run, by name, with their arguments. Each runs inside
 * the transaction of the work it belongs to (`manager` is that transaction's): a
 * handler that throws vetoes the work, a `KioskError` becoming the answer's 4xx,
 * and what it writes commits or rolls back with it.
 */
export interface KioskHooks {
  /**
   * In the reserve step of a cart's completion, after the cart is checked and before
   * stock or discount uses are taken: a throw refuses the completion and nothing is reserved.
   * Also run when a draft order's payment is registered (`cart.type` is `"draft_order"`).
   */
  "cart.beforeComplete": { cart: CartView; manager: EntityManager; container: KioskServices };
  /**
   * In the transaction that inserts the order, before it commits: a throw undoes the
   * completion (no order, stock and discount uses given back, the authorization voided).
   */
  "order.afterCreate": { order: Order; cart: CartView; manager: EntityManager; container: KioskServices };
}

/**
 * A `src/hooks/*.ts` file's default export:
 * `export default defineHook("cart.beforeComplete", async ({ cart, manager }) => { … })`.
 */
export function defineHook<Name extends keyof KioskHooks>(
  hook: Name,
  handler: (args: KioskHooks[Name]) => unknown,
): HookDefinition<Name, KioskHooks[Name]> {
  return { hook, handler };
}
