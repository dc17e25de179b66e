import type { TableColumn } from "typeorm";

/**
 * Database type names, as TypeORM reports them for SQLite or PostgreSQL, mapped
 * back to the portable vocabulary of `kernel/database/portable-types.ts`.
 */
const PORTABLE_TYPES: Record<string, string> = {
  "character varying": "varchar",
  character: "char",
  "timestamp with time zone": "datetime",
  timestamptz: "datetime",
  datetime: "datetime",
  "timestamp without time zone": "timestamp",
  json: "jsonb",
  jsonb: "jsonb",
  int: "integer",
  int4: "integer",
  int8: "bigint",
  int2: "smallint",
  bool: "boolean",
  float4: "real",
  float8: "double precision",
  numeric: "decimal",
  "time without time zone": "time",
};

/** A column type as the portable vocabulary names it: `timestamptz` -> `datetime`. */
export function portableType(type: string): string {
  return PORTABLE_TYPES[type.toLowerCase()] ?? type;
}

const NUMERIC_TYPES = new Set(["integer", "bigint", "smallint", "decimal", "real", "double precision", "float"]);

const BOOLEAN_DEFAULTS: Record<string, boolean> = { "0": false, "1": true, false: false, true: true };

/**
 * A default as a value both databases read the same way: a number default of a
 * number column (`0` on SQLite, `'0'` on PostgreSQL) as a number, a boolean one
 * (`0` on SQLite, `false` on PostgreSQL) as a boolean; any other default stays
 * the SQL expression TypeORM reported.
 */
export function portableDefault(column: TableColumn): unknown {
  const type = portableType(column.type);
  if (type === "boolean" && String(column.default) in BOOLEAN_DEFAULTS) return BOOLEAN_DEFAULTS[String(column.default)];
  const match = /^(?:'(-?\d+(?:\.\d+)?)'|(-?\d+(?:\.\d+)?))$/.exec(String(column.default));
  return match && NUMERIC_TYPES.has(type) ? Number(match[1] ?? match[2]) : column.default;
}
