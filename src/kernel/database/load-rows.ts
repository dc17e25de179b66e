import type { EntityManager, EntityTarget } from "typeorm";
import { hydrateAll } from "./hydrate";
import { runSql } from "./raw-sql";
import { sql } from "./sql";

/**
 * Rows of `entity` whose `column` is one of `values` (none for an empty list):
 * one plain SELECT for a hot path, no query builder, rows hydrated as TypeORM
 * would load them. The entity may be named by its class or, across modules, by
 * its name ("LineItem"). To read several tables at once, see `JsonBatch`.
 */
export async function rowsWhereIn<T>(
  manager: EntityManager,
  entity: EntityTarget<unknown>,
  column: string,
  values: readonly unknown[],
): Promise<T[]> {
  const unique = [...new Set(values)];
  if (!unique.length) return [];
  const where = unique.length === 1 ? sql`${sql.id(column)} = ${unique[0]}` : sql.in(sql.id(column), unique);
  const rows = await runSql(manager, sql`SELECT * FROM ${sql.id(tableOf(manager, entity))} WHERE ${where}`);
  return hydrateAll<T>(manager, entity, rows);
}

function tableOf(manager: EntityManager, entity: EntityTarget<unknown>): string {
  return manager.connection.getMetadata(entity).tableName;
}
