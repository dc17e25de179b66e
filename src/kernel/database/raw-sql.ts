import { QueryFailedError, type DataSource, type EntityManager } from "typeorm";
import { compileSql, type Sql, type SqlDialect } from "./sql";

/** Names given to statement texts, so PostgreSQL parses and plans each once per connection. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 1000;

/** Data sources whose statements are never prepared (`database.preparedStatements: false`). */
const unprepared = new WeakSet<DataSource>();

/**
 * Turns named prepared statements off for a data source: behind a pooler that
 * hands each transaction a different server connection (PgBouncer's transaction
 * pooling before 1.21), a statement prepared on one connection is unknown on the
 * next. Set from `database.preparedStatements`.
 */
export function disablePreparedStatements(dataSource: DataSource): void {
  unprepared.add(dataSource);
}

export interface RunSqlOptions {
  /**
   * Send it as a named prepared statement on PostgreSQL: the server parses and
   * plans the text once per connection and then only binds and executes it,
   * which for a batch of ten subqueries is most of its cost. Only for texts of
   * a fixed shape (lists as one parameter) whose result columns cannot change
   * with the schema: a prepared `SELECT *` fails with "cached plan must not
   * change result type" once a migration adds a column, while a single JSON
   * column (`JsonBatch`) or named columns are simply planned again. Ignored
   * when the data source has `database.preparedStatements` off.
   */
  prepare?: boolean;
}

/** The dialect a manager's connection speaks. */
export function dialectOf(manager: EntityManager): SqlDialect {
  return manager.connection.options.type === "postgres" ? "postgres" : "sqlite";
}

/**
 * Runs a hand-written statement (see `sql`) in the manager's transaction, if it
 * has one, and resolves its rows, raw as the driver returns them (an UPDATE …
 * RETURNING's too, which TypeORM's `query` would wrap with a count on
 * PostgreSQL). Errors are TypeORM's `QueryFailedError`, as from `manager.query`.
 */
export async function runSql<T = Record<string, unknown>>(manager: EntityManager, statement: Sql, options: RunSqlOptions = {}): Promise<T[]> {
  const dialect = dialectOf(manager);
  const { text, values } = compileSql(statement, dialect);
  if (dialect !== "postgres") return manager.query(text, values);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = await runner.connect();
    const name = options.prepare && !unprepared.has(manager.connection) ? statementName(text) : undefined;
    const result = await client.query(name ? { name, text, values } : { text, values });
    return result.rows as T[];
  } catch (err) {
    throw err instanceof Error && !(err instanceof QueryFailedError) ? new QueryFailedError(text, values, err) : err;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, (name = `kiosk_${statementNames.size + 1}`));
  return name;
}
