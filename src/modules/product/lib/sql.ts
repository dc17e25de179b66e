import type { EntityManager } from "kiosk";

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
}

/** Runs one hand-written SELECT in the transaction. */
export function select<T = Record<string, unknown>>(manager: EntityManager, sql: string, params: SqlParams): Promise<T[]> {
  return manager.query(sql, params.values);
}
