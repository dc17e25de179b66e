import { In, NotFoundError, type EntityManager, type KioskServices, type LineItem, type TransactionContext } from "kiosk";
import { groupBy } from "kiosk/internal";
import { lockRow, type JsonBatch, type Sql, sql } from "kiosk/sql";
import { Swap } from "../models/swap";
import { SwapFulfillment } from "../models/swap-fulfillment";
import { swapRowView, swapView, type SwapRowView, type SwapView } from "./swap-view";

/**
 * Read part: adds to `batch` the swaps `swapIds` picks, their fulfillments
 * and their new items (the lines of their carts: the cart module's read
 * part); after `batch.run()` the function gives their rows' views, oldest first.
 */
export function addSwapParts(cradle: KioskServices, batch: JsonBatch, swapIds: Sql): () => (SwapRowView & { additional_items: LineItem[] })[] {
  const swaps = batch.rows<Swap>(Swap, sql`t."id" IN (${swapIds})`);
  const fulfillments = batch.rows<SwapFulfillment>(SwapFulfillment, sql`t."swap_id" IN (${swapIds})`);
  const lines = cradle.lineItemService.readForCarts(batch, sql`SELECT "cart_id" FROM "swap" WHERE "id" IN (${swapIds})`);
  return () => {
    const of = groupBy(fulfillments.rows, (f) => f.swap_id);
    const linesOf = groupBy(lines(), (l) => l.cart_id);
    return swaps.rows
      .map((s) => ({ ...swapRowView(s, of.get(s.id) ?? []), additional_items: (s.cart_id && linesOf.get(s.cart_id)) || [] }))
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
  };
}

/** The whole views of the swaps `ids` (unknown ones left out), in the order of `ids`: each with its return and its cart. */
export async function loadSwaps(cradle: KioskServices, manager: EntityManager, ids: string[]): Promise<SwapView[]> {
  if (!ids.length) return [];
  const swaps = await manager.find(Swap, { where: { id: In(ids) }, relations: { fulfillments: true } });
  const byId = new Map(swaps.map((s) => [s.id, s]));
  const views: SwapView[] = [];
  for (const id of ids) {
    const swap = byId.get(id);
    if (!swap) continue;
    const ret = swap.return_id ? await cradle.returnService.retrieve(swap.return_id).catch(notFoundAsNull) : null;
    const cart = swap.cart_id ? await cradle.cartService.retrieve(swap.cart_id).catch(notFoundAsNull) : null;
    views.push(swapView(swap, swap.fulfillments ?? [], ret, cart));
  }
  return views;
}

function notFoundAsNull(err: unknown): null {
  if (err instanceof NotFoundError) return null;
  throw err;
}

/** Locks a swap of the order for the rest of the caller's transaction; another order's or an unknown one is a 404. */
export async function lockSwap(tx: TransactionContext, orderId: string, id: string): Promise<Swap> {
  const swap = await lockRow(tx.manager, Swap, id);
  if (!swap || swap.order_id !== orderId) throw new NotFoundError(`Swap with id ${id} was not found`, "swap_not_found");
  return swap;
}
