import type { Table, TableCheck, TableColumn, TableForeignKey, TableIndex, TableUnique } from "typeorm";
import { NewExpression } from "./code-literal";
import { portableDefault, portableType } from "./portable-values";

const isSet = (v: unknown) => v !== undefined && v !== null && v !== "";

/** The options of one column, only those that are set, with a portable type. */
export function columnOptions(column: TableColumn): Record<string, unknown> {
  return {
    name: column.name,
    type: portableType(column.type),
    length: isSet(column.length) ? Number(column.length) || column.length : undefined,
    precision: isSet(column.precision) ? column.precision : undefined,
    scale: isSet(column.scale) ? column.scale : undefined,
    enum: column.enum?.length ? [...column.enum] : undefined,
    enumName: column.enumName || undefined,
    isPrimary: column.isPrimary || undefined,
    isGenerated: column.isGenerated || undefined,
    generationStrategy: column.isGenerated ? column.generationStrategy : undefined,
    isNullable: column.isNullable || undefined,
    isUnique: column.isUnique || undefined,
    isArray: column.isArray || undefined,
    default: isSet(column.default) ? portableDefault(column) : undefined,
    asExpression: column.asExpression || undefined,
    generatedType: column.asExpression ? column.generatedType : undefined,
    comment: column.comment || undefined,
  };
}

export const newColumn = (column: TableColumn) => new NewExpression("TableColumn", columnOptions(column));

export function indexOptions(index: TableIndex): Record<string, unknown> {
  return {
    name: index.name,
    columnNames: [...index.columnNames],
    isUnique: index.isUnique || undefined,
    where: index.where || undefined,
  };
}

export const newIndex = (index: TableIndex) => new NewExpression("TableIndex", indexOptions(index));

export function uniqueOptions(unique: TableUnique): Record<string, unknown> {
  return { name: unique.name, columnNames: [...unique.columnNames] };
}

export const newUnique = (unique: TableUnique) => new NewExpression("TableUnique", uniqueOptions(unique));

export function checkOptions(check: TableCheck): Record<string, unknown> {
  return { name: check.name, expression: check.expression };
}

export const newCheck = (check: TableCheck) => new NewExpression("TableCheck", checkOptions(check));

export function foreignKeyOptions(fk: TableForeignKey): Record<string, unknown> {
  return {
    name: fk.name,
    columnNames: [...fk.columnNames],
    referencedTableName: fk.referencedTableName,
    referencedColumnNames: [...fk.referencedColumnNames],
    onDelete: fk.onDelete && fk.onDelete !== "NO ACTION" ? fk.onDelete : undefined,
    onUpdate: fk.onUpdate && fk.onUpdate !== "NO ACTION" ? fk.onUpdate : undefined,
    deferrable: fk.deferrable || undefined,
  };
}

export const newForeignKey = (fk: TableForeignKey) => new NewExpression("TableForeignKey", foreignKeyOptions(fk));

const some = <T>(items: T[], include: boolean, options: (item: T) => Record<string, unknown>) =>
  include && items.length ? items.map(options) : undefined;

/** A whole table, with its foreign keys and indices only when the call creates them too. */
export function newTable(table: Table, with_: { createForeignKeys: boolean; createIndices: boolean }): NewExpression {
  return new NewExpression("Table", {
    name: table.name,
    columns: table.columns.map(columnOptions),
    indices: some(table.indices, with_.createIndices, indexOptions),
    uniques: some(table.uniques, true, uniqueOptions),
    checks: some(table.checks, true, checkOptions),
    foreignKeys: some(table.foreignKeys, with_.createForeignKeys, foreignKeyOptions),
    withoutRowid: table.withoutRowid || undefined,
  });
}
