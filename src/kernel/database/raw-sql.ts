import { QueryFailedError, type EntityManager } from "typeorm";

/**
 * Parameters of one hand-written query, for the read paths that skip the query
 * builder: `$1…` on PostgreSQL, `?` on SQLite. A list is one parameter on both
 * (`= ANY($1)` / `IN (SELECT value FROM json_each(?))`), so the SQL text does not
 * change with the number of ids and the databases can cache the plan.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  readonly postgres: boolean;

  constructor(manager: EntityManager) {
    this.postgres = manager.connection.options.type === "postgres";
  }

  /** A placeholder for one value. */
  add(value: unknown): string {
    this.values.push(typeof value === "boolean" && !this.postgres ? Number(value) : value);
    return this.postgres ? `$${this.values.length}` : "?";
  }

  /** `<column> IN <list>`, written for the dialect. */
  in(column: string, list: readonly string[]): string {
    if (this.postgres) return `${column} = ANY(${this.add(list)})`;
    return `${column} IN (SELECT value FROM json_each(${this.add(JSON.stringify(list))}))`;
  }

  /** A subquery yielding each value of `list` (one parameter, whatever its length). */
  list(list: readonly string[]): string {
    if (this.postgres) return `SELECT unnest(${this.add(list)}::text[])`;
    return `SELECT value FROM json_each(${this.add(JSON.stringify(list))})`;
  }
}

/** Runs one hand-written SELECT in the transaction. */
export function select<T = Record<string, unknown>>(manager: EntityManager, sql: string, params: SqlParams): Promise<T[]> {
  return runSql<T>(manager, sql, params.values);
}

/** Names given to statement texts, so PostgreSQL parses and plans each once per connection. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 1000;

export interface RunSqlOptions {
  /**
   * Send it as a named prepared statement on PostgreSQL: the server parses and
   * plans the text once per connection and then only binds and executes it,
   * which for a batch of ten subqueries is most of its cost. Only for texts of
   * a fixed shape (lists as one parameter) whose result columns cannot change
   * with the schema: a prepared `SELECT *` fails with "cached plan must not
   * change result type" once a migration adds a column, while a single JSON
   * column (`JsonBatch`) or named columns are simply planned again.
   */
  prepare?: boolean;
}

/**
 * Runs hand-written SQL and resolves its rows (an UPDATE … RETURNING's too,
 * which TypeORM's `query` would wrap with a count on PostgreSQL). Errors are
 * TypeORM's `QueryFailedError`, as from `manager.query`.
 */
export async function runSql<T = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  values: unknown[],
  options: RunSqlOptions = {},
): Promise<T[]> {
  if (manager.connection.options.type !== "postgres") return manager.query(sql, values);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = await runner.connect();
    const name = options.prepare ? statementName(sql) : undefined;
    const result = await client.query(name ? { name, text: sql, values } : { text: sql, values });
    return result.rows as T[];
  } catch (err) {
    throw err instanceof Error && !(err instanceof QueryFailedError) ? new QueryFailedError(sql, values, err) : err;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(sql, (name = `kiosk_${statementNames.size + 1}`));
  return name;
}
