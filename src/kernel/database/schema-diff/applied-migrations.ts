import type { DataSource } from "typeorm";

/**
 * The names of the migrations a connected database has run, the most recent
 * first; none when the migrations table does not exist yet.
 */
export async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? "migrations";
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable(table))) return [];
    const rows: { name: string }[] = await runner.query(`SELECT name FROM ${table} ORDER BY id DESC`);
    return rows.map((r) => r.name);
  } finally {
    await runner.release();
  }
}
