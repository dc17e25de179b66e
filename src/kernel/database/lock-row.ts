import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Locks one row for the rest of the transaction and returns it (null when there
 * is no such row). It touches `updated_at` with an UPDATE, which takes the row
 * lock on PostgreSQL (a concurrent lock of the same row waits for this
 * transaction) and works the same on SQLite, where transactions already take turns.
 */
export async function lockRow<T extends ObjectLiteral & { id: string; updated_at: Date }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  const { affected } = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ updated_at: new Date() } as never)
    .where("id = :id", { id })
    .execute();
  return affected ? manager.findOneBy(entity, { id } as never) : null;
}
