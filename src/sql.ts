/**
 * `kiosk/sql`: the raw-SQL layer the core modules read and write through.
 *
 * **Experimental.** These helpers carry no stability promise: their shapes may
 * change in any minor release. A project that reaches for them accepts that;
 * everything a project needs day to day (entities, routes, services,
 * subscribers, errors) comes from `"kiosk"`.
 *
 * - `sql` builds a statement as a tagged template (values become parameters,
 *   `sql.id` quotes identifiers); `compileSql` turns it into text and
 *   parameters for a dialect; `runSql` runs it on the current transaction.
 * - `JsonBatch` reads several tables' rows in one statement (each part a JSON
 *   subquery), `hydrateAll` / `hydrateCopies` turn such rows into entities the
 *   way TypeORM loads them, `rowsWhereIn` reads rows by ids in chunks.
 * - `lockRow` locks a row for the rest of the caller's transaction;
 *   `insertAll` inserts many rows in one statement.
 */
import "reflect-metadata";

export { sql, Sql, compileSql, type CompiledSql, type SqlDialect } from "./kernel/database/sql";
export { runSql, dialectOf, type RunSqlOptions } from "./kernel/database/raw-sql";
export { hydrateAll, hydrateCopies } from "./kernel/database/hydrate";
export { JsonBatch, BatchRows } from "./kernel/database/json-batch";
export { rowsWhereIn } from "./kernel/database/load-rows";
export { lockRow } from "./kernel/database/lock-row";
export { insertAll } from "./kernel/database/insert-all";
