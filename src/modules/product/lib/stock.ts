import { UnprocessableError, type EntityManager } from "kiosk";
import { ProductVariant } from "../models/product-variant";
import { limitsStock, type CatalogVariant } from "./variant-reads";

/**
 * Takes stock inside the caller's transaction: the quantities are summed per
 * variant by the caller, then one conditional UPDATE per variant (in id order,
 * so concurrent completions lock rows in the same order and cannot deadlock):
 * `inventory_quantity = inventory_quantity - n WHERE id = :id AND inventory_quantity >= n`.
 * No row changed means another order took the stock first: a 422
 * `insufficient_inventory`, and the caller's transaction rolls back. Variants
 * that do not manage inventory or allow backorders are left alone.
 * Returns what was taken per variant.
 */
export async function takeStock(
  manager: EntityManager,
  demand: Map<string, number>,
  variants: Map<string, CatalogVariant>,
): Promise<Map<string, number>> {
  const taken = new Map<string, number>();
  for (const variantId of [...demand.keys()].sort()) {
    const variant = variants.get(variantId);
    const quantity = demand.get(variantId)!;
    if (!variant || !limitsStock(variant)) continue;
    const { affected } = await manager
      .createQueryBuilder()
      .update(ProductVariant)
      .set({ inventory_quantity: () => "inventory_quantity - :quantity", updated_at: new Date() })
      .where("id = :id AND inventory_quantity >= :quantity", { id: variantId, quantity })
      .execute();
    if (!affected) {
      throw new UnprocessableError(
        `Variant with id: ${variantId} does not have the required inventory`,
        "insufficient_inventory",
        "items",
      );
    }
    taken.set(variantId, quantity);
  }
  return taken;
}

/** Gives stock back (a canceled order, an undone completion); variants deleted since are skipped. */
export async function returnStock(manager: EntityManager, quantities: Map<string, number>): Promise<void> {
  for (const variantId of [...quantities.keys()].sort()) {
    const quantity = quantities.get(variantId)!;
    if (quantity <= 0) continue;
    await manager
      .createQueryBuilder()
      .update(ProductVariant)
      .set({ inventory_quantity: () => "inventory_quantity + :quantity", updated_at: new Date() })
      .where("id = :id", { id: variantId, quantity })
      .execute();
  }
}
