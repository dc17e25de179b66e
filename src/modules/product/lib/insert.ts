import type { EntityManager } from "kiosk";

/**
 * Inserts entities made with `manager.create` in one statement (their
 * `@BeforeInsert` hooks run, so timestamps are set); nothing for an empty list.
 * `save` would first look each one up by its preassigned id.
 */
export async function insertAll<T extends object>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  // The entities' JSON columns make TypeORM's deep-partial type refuse whole entities.
  if (rows.length) await manager.insert(entity, rows as never);
}
