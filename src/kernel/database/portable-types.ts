import { getMetadataArgsStorage, Table, TableColumn, type QueryRunner } from "typeorm";
import type { Dialect } from "../config/resolved-config";

/**
 * Column types are written once, in the portable vocabulary below, and mapped
 * to each database right before use. This is what lets one entity and one
 * migration file run on both SQLite and PostgreSQL.
 *
 * | write        | SQLite     | PostgreSQL    |
 * |--------------|------------|---------------|
 * | `datetime`   | datetime   | timestamptz   |
 * | `jsonb`      | json       | jsonb         |
 * | `json`       | json       | jsonb         |
 * | `timestamptz`| datetime   | timestamptz   |
 * Everything else (varchar, text, integer, bigint, boolean, real, decimal, uuid…) passes through.
 * SQLite stores `integer` and `bigint` alike (64-bit), and Kiosk compares them as
 * one type there (`sqlite-integer-types.ts`): widening a column to `bigint` is a
 * change on PostgreSQL only.
 */
const TYPE_MAP: Record<Dialect, Record<string, string>> = {
  sqlite: { jsonb: "json", timestamptz: "datetime", timestamp: "datetime", uuid: "varchar" },
  postgres: { datetime: "timestamptz", json: "jsonb" },
};

/** Maps one portable column type to the given dialect. */
export function resolveColumnType<T>(dialect: Dialect, type: T): T {
  return typeof type === "string" ? ((TYPE_MAP[dialect][type] as T) ?? type) : type;
}

/** The type each decorator declared, kept so one process can open SQLite and then PostgreSQL. */
const declaredTypes = new WeakMap<object, unknown>();

/**
 * Rewrites the column types declared by decorators for the given dialect. Runs
 * before the DataSource builds its metadata, always from the declared type.
 */
export function applyPortableColumnTypes(dialect: Dialect): void {
  for (const column of getMetadataArgsStorage().columns) {
    if (!declaredTypes.has(column.options)) declaredTypes.set(column.options, column.options.type);
    column.options.type = resolveColumnType(dialect, declaredTypes.get(column.options) as typeof column.options.type);
  }
}

/** A boolean default written `true`/`false`: SQLite stores booleans as 1/0 and reports them so. */
function portableDefault(dialect: Dialect, value: unknown): unknown {
  if (dialect !== "sqlite" || (value !== true && value !== false && value !== "true" && value !== "false")) return value;
  return value === true || value === "true" ? 1 : 0;
}

function portableColumn<T extends TableColumn | Record<string, any>>(dialect: Dialect, column: T): T {
  if (column && typeof column === "object" && "type" in column) {
    if (column.type === "boolean" && "default" in column) column.default = portableDefault(dialect, column.default);
    column.type = resolveColumnType(dialect, column.type);
  }
  return column;
}

function portableTable(dialect: Dialect, table: Table | string): Table | string {
  if (table instanceof Table) table.columns.forEach((c) => portableColumn(dialect, c));
  return table;
}

/**
 * Wraps a migration's QueryRunner so that column types in `createTable`,
 * `addColumn(s)` and `changeColumn(s)` are mapped to the running database.
 */
export function portableQueryRunner(queryRunner: QueryRunner, dialect: Dialect): QueryRunner {
  return new Proxy(queryRunner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      switch (prop) {
        case "createTable":
          return (table: Table, ...rest: unknown[]) => value.call(target, portableTable(dialect, table), ...rest);
        case "addColumn":
          return (table: Table | string, column: TableColumn) =>
            value.call(target, table, portableColumn(dialect, column));
        case "addColumns":
          return (table: Table | string, columns: TableColumn[]) =>
            value.call(target, table, columns.map((c) => portableColumn(dialect, c)));
        case "changeColumn":
          return (table: Table | string, old: TableColumn | string, next: TableColumn) =>
            value.call(target, table, old, portableColumn(dialect, next));
        case "changeColumns":
          return (table: Table | string, changes: { oldColumn: TableColumn; newColumn: TableColumn }[]) =>
            value.call(
              target,
              table,
              changes.map((c) => ({ ...c, newColumn: portableColumn(dialect, c.newColumn) })),
            );
        default:
          return value.bind(target);
      }
    },
  });
}
