import type { QueryRunner } from "typeorm";

/**
 * Changes integer columns of a table between `integer` and `bigint` in place,
 * keeping their values, for a migration's `up` and `down`: widening always
 * works; narrowing back fails, changing nothing, when a value does not fit.
 *
 * On PostgreSQL it is one `ALTER TABLE … ALTER COLUMN … TYPE` for the table (the
 * QueryRunner's `changeColumn` would drop each column and add it again, empty).
 * On SQLite both names are the same 64-bit integer (`sqlite-integer-types.ts`),
 * so there is nothing to change.
 */
export async function alterIntegerColumns(
  queryRunner: QueryRunner,
  table: string,
  columns: string[],
  type: "integer" | "bigint",
): Promise<void> {
  if (queryRunner.connection.options.type !== "postgres" || !columns.length) return;
  const changes = columns.map((c) => `ALTER COLUMN "${c}" TYPE ${type}`).join(", ");
  await queryRunner.query(`ALTER TABLE "${table}" ${changes}`);
  // The runner caches the tables it has read; read this one again so later calls see the new types.
  await queryRunner.getTable(table);
}
