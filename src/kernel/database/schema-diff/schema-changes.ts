import type { Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from "typeorm";
import { newCheck, newColumn, newForeignKey, newIndex, newTable, newUnique } from "./schema-options";

/** One line of a migration: `await queryRunner.<method>(...args)`. */
export interface SchemaCall {
  method: string;
  args: unknown[];
}

/** One schema change: the call that makes it and the call that undoes it, on one table. */
export interface SchemaChange {
  table: string;
  up: SchemaCall;
  down: SchemaCall;
  /** True for `createTable`: undoing it drops everything else done to that table. */
  createsTable?: boolean;
}

/** `table` is the table's name, `target` what the call was given for it, `args` the other arguments. */
type Translate = (table: string, args: any[], target: Table | string) => SchemaChange[];

const nameOf = (table: Table | string) => (typeof table === "string" ? table : table.name);

/** A plural call (`addColumns`) as one singular line per item (`addColumn`), undone one by one. */
function each<T>(up: string, down: string, toUp: (item: T) => unknown, toDown: (item: T) => unknown): Translate {
  return (table, [items]) =>
    (items as T[]).map((item) => ({
      table,
      up: { method: up, args: [table, toUp(item)] },
      down: { method: down, args: [table, toDown(item)] },
    }));
}

/** A singular call (`addColumn`) read as its plural (`addColumns`) with one item. */
const single =
  (plural: string): Translate =>
  (table, [item, ...rest], target) =>
    TRANSLATE[plural](table, [[item], ...rest], target);

const columnName = (c: TableColumn) => c.name;
const named = (x: { name?: string }) => x.name;

/**
 * The QueryRunner calls TypeORM's schema builder makes, each turned into the
 * portable code of a migration and its inverse. Any other call that produces
 * SQL cannot be generated (views, exclusions, comments).
 */
const TRANSLATE: Record<string, Translate> = {
  createTable: (table, [, createForeignKeys = true, createIndices = true], target) => [
    {
      table,
      up: { method: "createTable", args: [newTable(target as Table, { createForeignKeys, createIndices })] },
      down: { method: "dropTable", args: [table] },
      createsTable: true,
    },
  ],
  addColumn: single("addColumns"),
  addColumns: each<TableColumn>("addColumn", "dropColumn", newColumn, columnName),
  dropColumn: single("dropColumns"),
  dropColumns: each<TableColumn>("dropColumn", "addColumn", columnName, newColumn),
  changeColumn: (table, [oldColumn, next], target) =>
    TRANSLATE.changeColumns(table, [[{ oldColumn, newColumn: next }]], target),
  changeColumns: (table, [changes]) =>
    (changes as { oldColumn: TableColumn; newColumn: TableColumn }[]).map(({ oldColumn, newColumn: next }) => ({
      table,
      up: { method: "changeColumn", args: [table, oldColumn.name, newColumn(next)] },
      down: { method: "changeColumn", args: [table, next.name, newColumn(oldColumn)] },
    })),
  renameColumn: (table, [from, to]) => {
    const [a, b] = [from, to].map((c: TableColumn | string) => (typeof c === "string" ? c : c.name));
    const rename = (x: string, y: string) => ({ method: "renameColumn", args: [table, x, y] });
    return [{ table, up: rename(a, b), down: rename(b, a) }];
  },
  updatePrimaryKeys: (table, [columns], target) => [
    {
      table,
      up: { method: "updatePrimaryKeys", args: [table, (columns as TableColumn[]).map(newColumn)] },
      down: { method: "updatePrimaryKeys", args: [table, (target as Table).primaryColumns.map(newColumn)] },
    },
  ],
  createIndex: single("createIndices"),
  createIndices: each<TableIndex>("createIndex", "dropIndex", newIndex, named),
  dropIndex: single("dropIndices"),
  dropIndices: each<TableIndex>("dropIndex", "createIndex", named, newIndex),
  createForeignKey: single("createForeignKeys"),
  createForeignKeys: each<TableForeignKey>("createForeignKey", "dropForeignKey", newForeignKey, named),
  dropForeignKey: single("dropForeignKeys"),
  dropForeignKeys: each<TableForeignKey>("dropForeignKey", "createForeignKey", named, newForeignKey),
  createUniqueConstraint: single("createUniqueConstraints"),
  createUniqueConstraints: each<TableUnique>("createUniqueConstraint", "dropUniqueConstraint", newUnique, named),
  dropUniqueConstraint: single("dropUniqueConstraints"),
  dropUniqueConstraints: each<TableUnique>("dropUniqueConstraint", "createUniqueConstraint", named, newUnique),
  createCheckConstraint: single("createCheckConstraints"),
  createCheckConstraints: each<TableCheck>("createCheckConstraint", "dropCheckConstraint", newCheck, named),
  dropCheckConstraint: single("dropCheckConstraints"),
  dropCheckConstraints: each<TableCheck>("dropCheckConstraint", "createCheckConstraint", named, newCheck),
};

/** Whether a QueryRunner method is one a migration can be generated for. */
export function isTranslatable(method: string): boolean {
  return Object.hasOwn(TRANSLATE, method);
}

/**
 * Turns one QueryRunner call into schema changes. Must run before the call
 * itself: TypeORM mutates the Table objects it is given.
 */
export function translateCall(method: string, args: unknown[]): SchemaChange[] {
  const [target, ...rest] = args as [Table | string, ...unknown[]];
  return TRANSLATE[method](nameOf(target), rest, target);
}
