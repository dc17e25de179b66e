import { containsPattern, type EntityManager, type TransactionContext } from "kiosk";
import { Cart } from "../models/cart";

/** The `type` of a draft order's cart (Medusa v1's `CartType.DRAFT_ORDER`). */
export const DRAFT_ORDER_CART = "draft_order";

/** The ids of draft orders' carts whose email contains `text` (at most 1,000): the admin's draft order search. */
export async function draftCartIdsByEmail(manager: EntityManager, text: string): Promise<string[]> {
  const rows = await manager
    .createQueryBuilder(Cart, "c")
    .select("c.id", "id")
    .where(`c.type = :type AND LOWER(c.email) LIKE :q ESCAPE '\\'`, { type: DRAFT_ORDER_CART, q: containsPattern(text.toLowerCase()) })
    .limit(1000)
    .getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}

/** Marks a locked, open cart completed, in the caller's transaction; false when it already was. */
export async function markCompleted(tx: TransactionContext, id: string): Promise<boolean> {
  const now = new Date();
  const { affected } = await tx.manager
    .createQueryBuilder()
    .update(Cart)
    .set({ completed_at: now, payment_authorized_at: now, updated_at: now })
    .where("id = :id AND completed_at IS NULL", { id })
    .execute();
  return !!affected;
}
