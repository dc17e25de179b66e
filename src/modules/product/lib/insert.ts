import type { EntityManager } from "kiosk";

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 200;

/**
 * Inserts entities made with `manager.create`, a few hundred per statement
 * (their `@BeforeInsert` hooks run, so timestamps are set); nothing for an
 * empty list. `save` would first look each one up by its preassigned id.
 */
export async function insertAll<T extends object>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The entities' JSON columns make TypeORM's deep-partial type refuse whole entities.
    await manager.insert(entity, rows.slice(i, i + CHUNK) as never);
  }
}
