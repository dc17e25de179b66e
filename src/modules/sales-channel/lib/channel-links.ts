import type { EntityManager } from "kiosk";

/**
 * Inserts link rows, skipping those that exist already (`ON CONFLICT DO
 * NOTHING` on both databases), so two requests adding the same link cannot
 * collide on the primary key.
 */
export async function insertLinks<T extends object>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  if (!rows.length) return;
  await manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().execute();
}
