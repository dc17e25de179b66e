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
  /** Columns the driver must convert (SQLite's 0/1 booleans, date strings, JSON text). */
  convert: PlannedColumn[];
  /** Every column, for rows that must be copied. */
  columns: PlannedColumn[];
  /** Whether column and property names agree, so a row can become the entity in place. */
  sameNames: boolean;
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
  found = { columns, convert: columns.filter((c) => !c.ready), sameNames: columns.every((c) => c.property === c.name) };
  perSource.set(entity, found);
  return found;
}

/**
 * Turns raw rows of an entity's table (`SELECT *`) into the objects TypeORM
 * would load, converting only what the driver returns differently (dates,
 * booleans and JSON on SQLite; nothing on PostgreSQL) and reusing the row
 * objects: the read paths skip the query builder and a copy of every row.
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

/** Like `hydrateAll`, into new objects holding the entity's columns only (for rows with extra columns). */
export function hydrateCopies<T>(manager: EntityManager, entity: EntityTarget<unknown>, rows: Row[]): T[] {
  const { columns } = plan(manager, entity);
  const driver = manager.connection.driver;
  return rows.map((r) => copy(driver, columns, r) as T);
}
