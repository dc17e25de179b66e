import type { EntityManager, EntityTarget } from "typeorm";
import { hydrateJson } from "./hydrate";
import { runSql, SqlParams } from "./raw-sql";

type Row = Record<string, unknown>;

interface Part {
  key: string;
  /** The entity whose rows these are; absent for a plain table (`columns` then names what to read). */
  entity?: EntityTarget<unknown>;
  table: string;
  columns: string[];
  where: string;
}

/**
 * Reads the rows of several tables in ONE statement: each part is a subquery
 * that aggregates its rows as a JSON array (`json_agg` on PostgreSQL,
 * `json_group_array(json_object(…))` on SQLite), and the batch selects them side
 * by side in a single row. A view made of many small reads (a cart with its
 * lines, discounts, shipping, payment sessions and variants) then costs one
 * round trip instead of one per table. Rows come back hydrated as TypeORM would
 * load them.
 *
 * Each part's `where` uses the alias `t` and takes its values through
 * `batch.params.add(…)`; build the parts in the order they are added, as SQLite's
 * placeholders are positional.
 *
 * ```ts
 * const batch = new JsonBatch(manager);
 * batch.rows("items", LineItem, `t."cart_id" = ${batch.params.add(id)}`);
 * const { items } = await batch.run();
 * ```
 */
export class JsonBatch {
  readonly params: SqlParams;
  private readonly parts: Part[] = [];

  constructor(private readonly manager: EntityManager) {
    this.params = new SqlParams(manager);
  }

  /** Adds the rows of `entity` (aliased `t`) that match `where`, returned under `key`. */
  rows(key: string, entity: EntityTarget<unknown>, where: string): this {
    const metadata = this.manager.connection.getMetadata(entity);
    this.parts.push({ key, entity, table: metadata.tableName, columns: metadata.columns.map((c) => c.databaseName), where });
    return this;
  }

  /** Adds text columns of a table that is no entity (a join table), returned as they are stored. */
  plain(key: string, table: string, columns: string[], where: string): this {
    this.parts.push({ key, table, columns, where });
    return this;
  }

  /** Runs the statement; every key added is present (an empty array when nothing matched). */
  async run<T = Record<string, any[]>>(): Promise<T> {
    const postgres = this.params.postgres;
    const columns = this.parts.map((p) => `(${postgres ? this.postgresPart(p) : this.sqlitePart(p)}) AS "${p.key}"`);
    const [row] = await runSql<Row>(this.manager, `SELECT ${columns.join(", ")}`, this.params.values, { prepare: true });
    const out: Record<string, unknown[]> = {};
    for (const part of this.parts) {
      const value = row[part.key];
      const rows = (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as Row[];
      out[part.key] = part.entity ? hydrateJson(this.manager, part.entity, rows) : rows;
    }
    return out as T;
  }

  private postgresPart(p: Part): string {
    const rows = p.entity ? "t" : `json_build_object(${this.fields(p)})`;
    return `SELECT COALESCE(json_agg(${rows}), '[]'::json) FROM "${p.table}" t WHERE ${p.where}`;
  }

  private sqlitePart(p: Part): string {
    return `SELECT json_group_array(json_object(${this.fields(p)})) FROM "${p.table}" t WHERE ${p.where}`;
  }

  private fields(p: Part): string {
    return p.columns.map((c) => `'${c}', t."${c}"`).join(", ");
  }
}
