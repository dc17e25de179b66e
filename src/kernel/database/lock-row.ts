import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { hydrateAll } from "./hydrate";
import { runSql } from "./raw-sql";
import { sql } from "./sql";

/**
 * Locks one row for the rest of the transaction and returns it (null when there
 * is no such row). It touches `updated_at` with an UPDATE … RETURNING, one
 * statement that takes the row lock on PostgreSQL (a concurrent lock of the same
 * row waits for this transaction) and reads the row locked; it works the same on
 * SQLite, where transactions already take turns.
 */
export async function lockRow<T extends ObjectLiteral & { id: string; updated_at: Date }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  const metadata = manager.connection.getMetadata(entity);
  const updatedAt = metadata.findColumnWithPropertyName("updated_at")!;
  const now = manager.connection.driver.preparePersistentValue(new Date(), updatedAt);
  const rows = await runSql(
    manager,
    sql`UPDATE ${sql.id(metadata.tableName)} SET ${sql.id(updatedAt.databaseName)} = ${now} WHERE "id" = ${id} RETURNING *`,
  );
  return rows.length ? hydrateAll<T>(manager, entity, rows)[0] : null;
}
