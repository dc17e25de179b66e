import type { EntityManager, EntityTarget } from "typeorm";
import { hydrateJson } from "./hydrate";
import { dialectOf, runSql } from "./raw-sql";
import { compileSql, sql, type Sql } from "./sql";

type Row = Record<string, unknown>;

/** At most this many key/value pairs per `json_build_object` call (PostgreSQL allows 100 arguments; SQLite's `json_object` 1000, one call). */
const PAIRS_PER_CALL = 40;

/** The rows one part of a batch read; `rows` is filled in when the batch has run. */
export class BatchRows<T> {
  private result: T[] | undefined;

  /** @internal made by `JsonBatch.rows` / `JsonBatch.plain`. */
  constructor(
    readonly entity: EntityTarget<unknown> | undefined,
    readonly table: string,
    public columns: readonly string[],
    readonly where: Sql,
    readonly tableOrder = false,
  ) {}

  /** The rows read, hydrated for an entity part (see `JsonBatch`). Throws before the batch ran. */
  get rows(): T[] {
    if (!this.result) throw new Error(`The batch reading "${this.table}" has not run yet`);
    return this.result;
  }

  /** @internal */
  fill(rows: T[]): void {
    this.result = rows;
  }
}

/** Options of one entity part of a `JsonBatch`. */
export interface BatchPartOptions {
  /**
   * Give each row's keys in the order of the table's columns, as `SELECT *`
   * returns them, instead of the entity's (where inherited columns such as
   * `created_at` come first): for views whose JSON must keep the shape a
   * `SELECT *` read gave it. The order is read from the database once per
   * table and data source (one small statement the first time).
   */
  tableOrder?: boolean;
}

/**
 * Reads the rows of several tables in ONE statement: each part is a subquery
 * that aggregates its rows as a JSON array of objects built from the entity's
 * mapped columns (`json_agg(json_build_object(…))` on PostgreSQL,
 * `json_group_array(json_object(…))` on SQLite), and the batch selects them side
 * by side in a single row. A view made of many small reads (a cart with its
 * lines, discounts, shipping, payment sessions and variants) then costs one
 * round trip instead of one per table.
 *
 * Each part's `where` is an `sql` fragment over the alias `t`; fragments number
 * their own parameters, so parts can be added in any order and by anyone: a
 * module adds the parts of the rows it owns through a synchronous read-part
 * method of its service, which returns a function giving the assembled rows
 * after the run (`const discounts = discountService.readDiscounts(batch,
 * sql\`SELECT "discount_id" FROM "cart_discounts" WHERE "cart_id" = ${id}\`)`,
 * the ids picked by a subquery over the caller's own tables), and the caller
 * runs the batch once. So a view spanning modules is one statement while each
 * module names only its own tables.
 *
 * What a part's `rows` holds: plain objects (not instances of the entity class:
 * no methods, no getters, no relations) with one property per mapped column,
 * under its property name, typed as TypeORM would load it (Dates, booleans,
 * parsed JSON, numbers through column transformers such as money's). Columns
 * marked `select: false` (password hashes) are never read, on either dialect.
 * Keys come in the entity's column order, or with `{ tableOrder: true }` in the
 * table's (as `SELECT *` would give them).
 *
 * ```ts
 * const batch = new JsonBatch(manager);
 * const items = batch.rows<LineItem>(LineItem, sql`t."cart_id" = ${id}`);
 * await batch.run();
 * items.rows; // LineItem[]
 * ```
 */
export class JsonBatch {
  private readonly root: PartGroup = { exists: sql``, parts: [], groups: [] };
  private current = this.root;

  constructor(readonly manager: EntityManager) {}

  /**
   * Adds the parts `add` adds only when `exists` (a subquery, `SELECT 1 FROM …
   * WHERE …`) finds a row: the batch's statement carries `EXISTS (exists)` in
   * their place, and the groups it found are read in one more statement (nested
   * groups in one more each level); a group it did not find is filled with empty
   * rows without being read. PostgreSQL opens every scan of a statement on each
   * execution, so rows most views never have (returns, swaps, claims, gift
   * cards, discount conditions) cost a flag instead of a handful of scans.
   * Returns what `add` returned (the read part's assembler).
   */
  whenAny<R>(exists: Sql, add: () => R): R {
    const group: PartGroup = { exists, parts: [], groups: [] };
    const outer = this.current;
    outer.groups.push(group);
    this.current = group;
    try {
      return add();
    } finally {
      this.current = outer;
    }
  }

  /** Adds the rows of `entity` (aliased `t`) that match `where`. The entity may be named by class or, across modules, by name. */
  rows<T>(entity: EntityTarget<unknown>, where: Sql, options: BatchPartOptions = {}): BatchRows<T> {
    const metadata = this.manager.connection.getMetadata(entity);
    const columns = metadata.columns.filter((c) => c.isSelect !== false).map((c) => c.databaseName);
    return this.add(new BatchRows<T>(entity, metadata.tableName, columns, where, !!options.tableOrder));
  }

  /** Adds text columns of a table that is no entity (a join table the module owns), returned as they are stored. */
  plain<T>(table: string, columns: readonly string[], where: Sql): BatchRows<T> {
    return this.add(new BatchRows<T>(undefined, table, columns, where));
  }

  /**
   * Runs the statement and fills every part's `rows` (an empty array when
   * nothing matched): one statement, and one more per level of `whenAny` groups
   * that found rows.
   */
  async run(): Promise<void> {
    let round = [this.root];
    while (round.length) {
      const parts = round.flatMap((g) => g.parts);
      const groups = round.flatMap((g) => g.groups);
      const found = await this.read(parts, groups);
      groups.forEach((group, i) => {
        if (!found[i]) fillEmpty(group);
      });
      round = groups.filter((_, i) => found[i]);
    }
  }

  /** Reads `parts` and whether each of `groups` has rows, in one statement. */
  private async read(parts: BatchRows<unknown>[], groups: PartGroup[]): Promise<boolean[]> {
    if (!parts.length && !groups.length) return [];
    const postgres = dialectOf(this.manager) === "postgres";
    for (const part of parts) {
      if (part.tableOrder) {
        const order = await tableColumns(this.manager, part.table);
        const selected = new Set(part.columns);
        part.columns = order.filter((c) => selected.has(c));
      }
    }
    const columns = [
      ...parts.map((p, i) => sql`(${partHead(postgres, p)}${p.where}) AS ${sql.raw(`"p${i}"`)}`),
      ...groups.map((g, i) => sql`EXISTS (${g.exists}) AS ${sql.raw(`"g${i}"`)}`),
    ];
    const [row] = await runSql<Row>(this.manager, sql`SELECT ${sql.join(columns)}`, { prepare: true });
    parts.forEach((part, i) => {
      const value = row[`p${i}`];
      const rows = (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as Row[];
      part.fill(part.entity ? hydrateJson(this.manager, part.entity, rows) : rows);
    });
    return groups.map((_, i) => row[`g${i}`] === true || Number(row[`g${i}`]) === 1);
  }

  private add<T>(part: BatchRows<T>): BatchRows<T> {
    this.current.parts.push(part as BatchRows<unknown>);
    return part;
  }
}

/** Parts added inside one `whenAny` (the root: outside any), read only when `exists` finds a row. */
interface PartGroup {
  exists: Sql;
  parts: BatchRows<unknown>[];
  groups: PartGroup[];
}

/** Fills a group that found nothing, and the groups inside it, with empty rows. */
function fillEmpty(group: PartGroup): void {
  for (const part of group.parts) part.fill([]);
  group.groups.forEach(fillEmpty);
}

/** Column names of tables in their order in the database, per data source. */
const tableColumnCache = new WeakMap<object, Map<string, Promise<string[]>>>();

function tableColumns(manager: EntityManager, table: string): Promise<string[]> {
  let perSource = tableColumnCache.get(manager.connection);
  if (!perSource) tableColumnCache.set(manager.connection, (perSource = new Map()));
  let found = perSource.get(table);
  if (!found) {
    const statement =
      dialectOf(manager) === "postgres"
        ? sql`SELECT attname AS "name" FROM pg_attribute WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`
        : sql`SELECT "name" FROM pragma_table_info(${table}) ORDER BY "cid"`;
    found = runSql<{ name: string }>(manager, statement).then((rows) => rows.map((r) => r.name));
    found.catch(() => perSource!.delete(table));
    perSource.set(table, found);
  }
  return found;
}

/**
 * The text of a part before its `WHERE`, which depends only on the dialect, the
 * table and its columns: written once per shape and reused, since a hot view
 * (a cart) asks for the same parts on every request.
 */
const partHeads = new Map<string, Sql>();

function partHead(postgres: boolean, p: BatchRows<unknown>): Sql {
  const key = `${postgres ? "pg" : "sqlite"}\0${p.table}\0${p.columns.join(",")}`;
  let head = partHeads.get(key);
  if (!head) {
    const text = compileSql(postgres ? postgresHead(p) : sqliteHead(p), postgres ? "postgres" : "sqlite").text;
    partHeads.set(key, (head = sql.raw(text)));
  }
  return head;
}

function postgresHead(p: BatchRows<unknown>): Sql {
  return sql`SELECT COALESCE(json_agg(${jsonObject(p.columns)}), '[]'::json) FROM ${sql.id(p.table)} t WHERE `;
}

function sqliteHead(p: BatchRows<unknown>): Sql {
  const pairs = p.columns.map((c) => sql`'${sql.raw(c)}', ${sql.id("t", c)}`);
  return sql`SELECT json_group_array(json_object(${sql.join(pairs)})) FROM ${sql.id(p.table)} t WHERE `;
}

/** A JSON object of the row's columns on PostgreSQL: calls of at most `PAIRS_PER_CALL` pairs, merged as jsonb when there are more. */
function jsonObject(columns: readonly string[]): Sql {
  const calls: Sql[] = [];
  for (let i = 0; i < columns.length; i += PAIRS_PER_CALL) {
    const pairs = columns.slice(i, i + PAIRS_PER_CALL).map((c) => sql`'${sql.raw(c)}', ${sql.id("t", c)}`);
    calls.push(sql`json_build_object(${sql.join(pairs)})`);
  }
  return calls.length === 1 ? calls[0] : calls.map((c) => sql`${c}::jsonb`).reduce((a, b) => sql`${a} || ${b}`);
}
