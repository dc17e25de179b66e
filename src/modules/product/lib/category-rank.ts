import { IsNull, type EntityManager } from "kiosk";
import { ProductCategory } from "../models/product-category";

function siblingsOf(manager: EntityManager, parentId: string | null) {
  const qb = manager.createQueryBuilder().update(ProductCategory);
  return parentId === null
    ? qb.where("parent_category_id IS NULL")
    : qb.where("parent_category_id = :parentId", { parentId });
}

/** How many children a parent (or the root) has. */
export function siblingCount(manager: EntityManager, parentId: string | null): Promise<number> {
  return manager.countBy(ProductCategory, { parent_category_id: parentId ?? IsNull() });
}

/** Makes room at `rank` among the parent's children (ranks at or after it move down one). */
export async function openRank(manager: EntityManager, parentId: string | null, rank: number): Promise<void> {
  await siblingsOf(manager, parentId)
    .set({ rank: () => `"rank" + 1` })
    .andWhere(`"rank" >= :rank`, { rank })
    .execute();
}

/** Closes the gap a category leaves at `rank` (ranks after it move up one). */
export async function closeRank(manager: EntityManager, parentId: string | null, rank: number): Promise<void> {
  await siblingsOf(manager, parentId)
    .set({ rank: () => `"rank" - 1` })
    .andWhere(`"rank" > :rank`, { rank })
    .execute();
}
