import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 200;

/**
 * Inserts rows, a few hundred per statement; nothing for an empty list. Entities
 * made with `manager.create` get their `@BeforeInsert` hooks (ids, timestamps).
 * `save` would first look each one up by its preassigned id.
 */
export async function insertAll<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The entities' JSON columns make TypeORM's deep-partial type refuse whole entities.
    await manager.insert(entity, rows.slice(i, i + CHUNK) as never);
  }
}
