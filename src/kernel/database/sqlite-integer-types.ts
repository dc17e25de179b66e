import type { DataSource, Table } from "typeorm";

/** Type names SQLite stores the same way: INTEGER affinity, up to 64 bits. */
const INTEGER_TYPES = new Set(["integer", "int", "bigint", "int8"]);

const aligned = Symbol("kiosk.sqliteIntegersAsOne");

type Runner = { loadTables(names: unknown[]): Promise<Table[]>; [aligned]?: true };

/**
 * Reports a table's integer columns with the type the entity declares when the
 * table has them as another name of SQLite's one integer type.
 */
function alignIntegerTypes(dataSource: DataSource, tables: Table[]): Table[] {
  const driver = dataSource.driver;
  for (const table of tables) {
    const metadata = dataSource.entityMetadatas.find((m) => m.tablePath === table.name);
    if (!metadata) continue;
    for (const column of table.columns) {
      const declared = metadata.columns.find((c) => c.databaseName === column.name);
      const type = declared && driver.normalizeType(declared);
      if (type && type !== column.type && INTEGER_TYPES.has(type) && INTEGER_TYPES.has(column.type)) column.type = type;
    }
  }
  return tables;
}

/**
 * On SQLite, `integer` and `bigint` are one type (64-bit, INTEGER affinity), so
 * a column the entity declares `bigint` that a table has as `integer` (or the
 * reverse) is no difference: tables read for the schema builder (and so for
 * `kiosk migrate check` and `kiosk migrate generate`) report such a column with
 * the entity's type. New columns keep the type the entity declares (`bigint` is
 * written `bigint`, as PostgreSQL needs). Money columns were created `integer`
 * and became `bigint`; on SQLite nothing needs to change, not even a table rebuild.
 */
export function compareSqliteIntegersAsOne(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { createQueryRunner(mode: string): Runner };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    if (!runner[aligned]) {
      const load = runner.loadTables.bind(runner);
      runner.loadTables = async (names) => alignIntegerTypes(dataSource, await load(names));
      runner[aligned] = true;
    }
    return runner;
  };
}
