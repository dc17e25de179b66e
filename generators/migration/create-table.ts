import { codeLiteral } from "../../src/kernel/database/schema-diff/code-literal";
import { existingMigrationTimestamp, MIGRATIONS_DIR, nextMigrationTimestamp } from "../core/migration-files";
import { migrationName } from "../core/naming";
import type { GeneratorContext, PlannedFile } from "../core/plan";
import { render } from "../core/templates";
import { columnType, type EntityModel } from "../entity/entity-model";

const INDENT = " ".repeat(8);

/** `key: [ … ],` inside `new Table({ … })`: on one line when it fits, else one item a line. */
const list = (key: string, items: object[]) => `${key}: ${codeLiteral(items, INDENT, key.length + 3)},`;

/**
 * The timestamp of a migration named `stem`: the one already in the project
 * (so a second run is `identical`), else a new one; undefined when destroying
 * a migration that is not there.
 */
export function migrationTimestamp(context: GeneratorContext, stem: string): number | undefined {
  const existing = existingMigrationTimestamp(context.projectDir, stem);
  if (existing !== undefined || context.mode === "destroy") return existing;
  return nextMigrationTimestamp(context.projectDir);
}

/**
 * `src/migrations/<timestamp>-create-<kebab>.ts`: one `createTable` with the
 * entity's columns, foreign keys and indices, in portable types; down drops it.
 */
export function createTableMigration(context: GeneratorContext, model: EntityModel): PlannedFile | undefined {
  const timestamp = migrationTimestamp(context, `create-${model.names.kebab}`);
  if (timestamp === undefined) return undefined;
  const { fileName, className } = migrationName(`create-${model.names.kebab}`, timestamp);
  const columns = [
    { name: "id", type: "varchar", isPrimary: true },
    ...model.fields.map((f) => ({
      name: f.column,
      type: columnType(f),
      isNullable: f.nullable || undefined,
      isUnique: f.unique || undefined,
    })),
    { name: "created_at", type: "datetime" },
    { name: "updated_at", type: "datetime" },
  ];
  const foreignKeys = model.relations.map((r) => ({
    columnNames: [r.field.column],
    referencedTableName: r.field.relation!.target.snake,
    referencedColumnNames: ["id"],
    onDelete: r.field.nullable ? "SET NULL" : undefined,
  }));
  const indices = model.fields.filter((f) => f.index).map((f) => ({ columnNames: [f.column] }));
  return {
    path: `${MIGRATIONS_DIR}/${fileName}`,
    contents: render("migration", "create-table.ts", {
      className,
      table: model.names.snake,
      lists: [
        list("columns", columns),
        ...(foreignKeys.length ? [list("foreignKeys", foreignKeys)] : []),
        ...(indices.length ? [list("indices", indices)] : []),
      ],
    }),
  };
}
