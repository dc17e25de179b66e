import { codeLiteral, inline, LINE_WIDTH, NewExpression } from "./code-literal";
import type { SchemaCall, SchemaChange } from "./schema-changes";

const BODY_INDENT = "    ";

/** `await queryRunner.x(a, b);`, on one line when it fits, else one argument a line. */
function callCode({ method, args }: SchemaCall): string {
  const head = `${BODY_INDENT}await queryRunner.${method}(`;
  const flat = `${head}${args.map(inline).join(", ")});`;
  if (flat.length <= LINE_WIDTH) return flat;
  const inner = `${BODY_INDENT}  `;
  return `${head}\n${args.map((a) => `${inner}${codeLiteral(a, inner)},\n`).join("")}${BODY_INDENT});`;
}

/** The calls that undo `changes`: inverses in reverse order, skipping what a dropped table takes with it. */
function downCalls(changes: SchemaChange[]): SchemaCall[] {
  const created = new Set(changes.filter((c) => c.createsTable).map((c) => c.table));
  return changes
    .filter((c) => c.createsTable || !created.has(c.table))
    .reverse()
    .map((c) => c.down);
}

/** The schema classes (`Table`, `TableColumn`…) the calls construct. */
function classesUsed(calls: SchemaCall[]): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (v instanceof NewExpression) {
      found.add(v.className);
      visit(v.options);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  calls.forEach((c) => c.args.forEach(visit));
  return [...found].sort();
}

/** The TypeScript source of a migration that makes `changes`, importing from "kiosk" only. */
export function migrationSource(className: string, changes: SchemaChange[]): string {
  const up = changes.map((c) => c.up);
  const down = downCalls(changes);
  const imports = [...classesUsed([...up, ...down]), "type MigrationInterface", "type QueryRunner"];
  return [
    `import { ${imports.join(", ")} } from "kiosk";`,
    "",
    `export class ${className} implements MigrationInterface {`,
    `  name = "${className}";`,
    "",
    "  async up(queryRunner: QueryRunner): Promise<void> {",
    ...up.map(callCode),
    "  }",
    "",
    "  async down(queryRunner: QueryRunner): Promise<void> {",
    ...down.map(callCode),
    "  }",
    "}",
    "",
  ].join("\n");
}
