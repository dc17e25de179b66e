import type { EntityManager, EntityTarget } from "typeorm";

type Row = Record<string, unknown>;

interface PlannedColumn {
  column: any;
  property: string;
  name: string;
  /** Whether the driver's value is already what TypeORM would load. */
  ready: boolean;
}

interface Plan {
  /** Columns the driver must convert (SQLite's 0/1 booleans, date strings, JSON text; columns with a transformer, such as money). */
  convert: PlannedColumn[];
  /** Every column, for rows that must be copied. */
  columns: PlannedColumn[];
  /** Whether column and property names agree, so a row can become the entity in place. */
  sameNames: boolean;
  /** PostgreSQL timestamp columns, which JSON carries as ISO strings. */
  timestamps: string[];
}

const cache = new WeakMap<object, Map<EntityTarget<unknown>, Plan>>();

/** Types the PostgreSQL driver already hands over as TypeORM would load them. */
const PG_READY = new Set(["boolean", "jsonb", "json", "timestamptz"]);
const ALWAYS_READY = new Set(["varchar", "text", "integer"]);

function plan(manager: EntityManager, entity: EntityTarget<unknown>): Plan {
  const dataSource = manager.connection;
  let perSource = cache.get(dataSource);
  if (!perSource) cache.set(dataSource, (perSource = new Map()));
  let found = perSource.get(entity);
  if (found) return found;
  const postgres = dataSource.options.type === "postgres";
  const columns: PlannedColumn[] = dataSource.getMetadata(entity).columns.map((c) => ({
    column: c,
    property: c.propertyName,
    name: c.databaseName,
    ready: !c.transformer && (ALWAYS_READY.has(String(c.type)) || (postgres && PG_READY.has(String(c.type)))),
  }));
  found = {
    columns,
    convert: columns.filter((c) => !c.ready),
    sameNames: columns.every((c) => c.property === c.name),
    timestamps: postgres ? columns.filter((c) => c.column.type === "timestamptz").map((c) => c.name) : [],
  };
  perSource.set(entity, found);
  return found;
}

/**
 * Turns raw rows of an entity's table (`SELECT *`) into plain objects with the
 * values TypeORM would load (not instances of the entity class: no methods, no
 * relations; one property per column, under its property name), converting only
 * what the driver returns differently (dates,
 * booleans and JSON on SQLite; on both, columns with a transformer, such as
 * money's int8-as-string on PostgreSQL) and reusing the row objects: the read
 * paths skip the query builder and a copy of every row.
 */
export function hydrateAll<T>(manager: EntityManager, entity: EntityTarget<unknown>, rows: Row[]): T[] {
  const { convert, columns, sameNames } = plan(manager, entity);
  const driver = manager.connection.driver;
  if (!sameNames) return rows.map((r) => copy(driver, columns, r) as T);
  if (convert.length) {
    for (const row of rows) {
      for (const c of convert) {
        const value = row[c.name];
        if (value !== null && value !== undefined) row[c.name] = driver.prepareHydratedValue(value, c.column);
      }
    }
  }
  return rows as T[];
}

function copy(driver: EntityManager["connection"]["driver"], columns: Plan["columns"], row: Row): Row {
  const out: Row = {};
  for (const c of columns) {
    const value = row[c.name];
    out[c.property] = value === null || value === undefined ? null : c.ready ? value : driver.prepareHydratedValue(value, c.column);
  }
  return out;
}

/**
 * Like `hydrateAll`, for rows that came as JSON (`JsonBatch`): JSON carries what
 * SQLite stores, so those rows hydrate like plain ones, and on PostgreSQL
 * everything but timestamps as the driver would; those arrive as ISO strings
 * and become Dates here.
 */
export function hydrateJson<T>(manager: EntityManager, entity: EntityTarget<unknown>, rows: Row[]): T[] {
  const { timestamps } = plan(manager, entity);
  if (timestamps.length) {
    for (const row of rows) {
      for (const name of timestamps) if (typeof row[name] === "string") row[name] = new Date(row[name] as string);
    }
  }
  return hydrateAll<T>(manager, entity, rows);
}

/** Like `hydrateAll`, into new objects holding the entity's columns only (for rows with extra columns). */
export function hydrateCopies<T>(manager: EntityManager, entity: EntityTarget<unknown>, rows: Row[]): T[] {
  const { columns } = plan(manager, entity);
  const driver = manager.connection.driver;
  return rows.map((r) => copy(driver, columns, r) as T);
}
