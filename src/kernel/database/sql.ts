/** The dialects a fragment can be written for. */
export type SqlDialect = "postgres" | "sqlite";

/** A value bound as a parameter; a list (`sql.list`, `sql.in`) is one parameter too. */
interface Param {
  kind: "param";
  value: unknown;
}

/** A list of values, written for the dialect as one parameter. */
interface ListParam {
  kind: "list" | "in";
  values: readonly unknown[];
  column?: Sql;
}

type Chunk = string | Sql | Param | ListParam;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A piece of SQL and the values it binds, written with the `sql` tag:
 *
 * ```ts
 * const where = sql`t."cart_id" = ${cartId} AND t."status" = ${status}`;
 * await runSql(manager, sql`SELECT * FROM "line_item" t WHERE ${where}`);
 * ```
 *
 * Every interpolated value becomes a parameter, and a nested fragment is
 * inlined with its own parameters; placeholders are numbered only when the
 * whole statement is compiled for its dialect (`$1…` on PostgreSQL, `?` on
 * SQLite), so a fragment can be built anywhere, reused, and composed in any
 * order. Identifiers go through `sql.id`, lists through `sql.list`/`sql.in`, and
 * only text the code itself wrote through `sql.raw`.
 */
export class Sql {
  /** @internal use the `sql` tag. */
  constructor(readonly chunks: readonly Chunk[]) {}

  /** Whether the fragment writes nothing (an empty filter). */
  get isEmpty(): boolean {
    return this.chunks.every((c) => (typeof c === "string" ? c.trim() === "" : c instanceof Sql && c.isEmpty));
  }
}

/** The SQL text for one dialect and the values its placeholders bind, in order. */
export interface CompiledSql {
  text: string;
  values: unknown[];
}

/** Writes a fragment with bound values (see `Sql`). */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const chunks: Chunk[] = [];
  strings.forEach((text, i) => {
    if (text) chunks.push(text);
    if (i < values.length) {
      const value = values[i];
      chunks.push(value instanceof Sql ? value : { kind: "param", value });
    }
  });
  return new Sql(chunks);
}

/** A quoted identifier, or a dotted path of them (`sql.id("t", "cart_id")` is `"t"."cart_id"`); anything but `[A-Za-z_][A-Za-z0-9_]*` throws. */
sql.id = (...names: string[]): Sql => {
  for (const name of names) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${JSON.stringify(name)}`);
  }
  return new Sql([names.map((n) => `"${n}"`).join(".")]);
};

/** Text inlined as it is. Only for text the code itself wrote, never for input. */
sql.raw = (text: string): Sql => new Sql([text]);

/** Fragments joined by a separator (`, ` unless given); empty fragments are skipped. */
sql.join = (fragments: readonly Sql[], separator = ", "): Sql => {
  const chunks: Chunk[] = [];
  for (const fragment of fragments) {
    if (fragment.isEmpty) continue;
    if (chunks.length) chunks.push(separator);
    chunks.push(fragment);
  }
  return new Sql(chunks);
};

/**
 * A subquery yielding each value of `values`, as ONE parameter whatever its
 * length (`SELECT unnest($1::text[])` / `SELECT value FROM json_each(?)`), so
 * the text does not change with the number of ids and the plan can be cached.
 * For text values (ids, codes).
 */
sql.list = (values: readonly unknown[]): Sql => new Sql([{ kind: "list", values }]);

/** `<column> IN <values>`, the list as one parameter (`= ANY($1)` / `IN (SELECT value FROM json_each(?))`). */
sql.in = (column: Sql, values: readonly unknown[]): Sql => new Sql([{ kind: "in", values, column }]);

/** Compiles a statement for a dialect: the text with numbered placeholders and its values. */
export function compileSql(fragment: Sql, dialect: SqlDialect): CompiledSql {
  const values: unknown[] = [];
  const postgres = dialect === "postgres";
  const bind = (value: unknown): string => {
    values.push(typeof value === "boolean" && !postgres ? Number(value) : value);
    return postgres ? `$${values.length}` : "?";
  };
  const write = (node: Sql): string => {
    let text = "";
    for (const chunk of node.chunks) {
      if (typeof chunk === "string") text += chunk;
      else if (chunk instanceof Sql) text += write(chunk);
      else if (chunk.kind === "param") text += bind(chunk.value);
      else if (chunk.kind === "list") {
        text += postgres ? `SELECT unnest(${bind(chunk.values)}::text[])` : `SELECT value FROM json_each(${bind(JSON.stringify(chunk.values))})`;
      } else {
        const column = write(chunk.column!);
        text += postgres ? `${column} = ANY(${bind(chunk.values)})` : `${column} IN (SELECT value FROM json_each(${bind(JSON.stringify(chunk.values))}))`;
      }
    }
    return text;
  };
  return { text: write(fragment), values };
}
