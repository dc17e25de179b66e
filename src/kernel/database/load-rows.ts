import type { EntityManager, EntityTarget } from "typeorm";
import { hydrateAll } from "./hydrate";
import { select, SqlParams } from "./raw-sql";

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
  const params = new SqlParams(manager);
  const where = unique.length === 1 ? `"${column}" = ${params.add(unique[0])}` : params.in(`"${column}"`, unique as string[]);
  const rows = await select(manager, `SELECT * FROM "${tableOf(manager, entity)}" WHERE ${where}`, params);
  return hydrateAll<T>(manager, entity, rows);
}

function tableOf(manager: EntityManager, entity: EntityTarget<unknown>): string {
  return manager.connection.getMetadata(entity).tableName;
}
