import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseSync } from "@swc/core";
import { describe, expect, it } from "vitest";

/**
 * The boundaries of the core modules (src/modules/<name>), checked on their
 * source: a module imports only "kiosk" (or one of its entries, "kiosk/sql",
 * "kiosk/internal", …, as listed in package.json's "exports"), node builtins
 * and its own files, and
 * names only its own tables in SQL and its own entities by name. Another
 * module's rows are read through that module's service (`read<Things>(batch,
 * ids)` read parts, see JsonBatch) and written through it (stock through
 * `productVariantService.takeStock`), so renaming a table breaks nothing
 * outside its module.
 *
 * An ORM join through a relation to another module's entity (`relations:
 * { discounts: true }` on a cart) is one too. What is not a violation: relation decorators (`@ManyToOne("Discount")`) and
 * foreign keys in migrations (`referencedTableName: "discount"`), which
 * declare the schema rather than query it.
 */

const MODULES_DIR = resolve(__dirname, "../../src/modules");

/** `kiosk` and its subpath entries (`kiosk/sql`, …): package.json's "exports", but not its package.json. */
function kioskEntries(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, "../../package.json"), "utf8")) as { exports: Record<string, unknown> };
  return Object.keys(pkg.exports)
    .filter((key) => key !== "./package.json")
    .map((key) => (key === "." ? "kiosk" : `kiosk/${key.slice(2)}`));
}

/**
 * Known violations left in place, as `<module>/<path>: <name>` (see the
 * report of a failure for the exact keys). Each needs a reason.
 */
const ALLOWED = new Set<string>([]);

/** Calls that take a table (or entity) name: query builders, repositories, batches, `sql.id`. */
const QUERY_CALLS = new Set([
  "from", "into", "update", "delete", "insert", "createQueryBuilder", "getRepository", "getMetadata", "hasMetadata",
  "rows", "plain", "rowsWhereIn", "id", "query", "join", "innerJoin", "leftJoin", "innerJoinAndSelect", "leftJoinAndSelect",
  "find", "findBy", "findOne", "findOneBy", "findAndCount", "count", "countBy", "exists", "existsBy", "save", "increment", "decrement",
]);

/** Calls whose string argument declares the schema, not a query. */
const SCHEMA_DECORATORS = new Set(["ManyToOne", "OneToMany", "OneToOne", "ManyToMany", "Entity", "JoinTable"]);

interface SourceFile {
  module: string;
  path: string;
  text: string;
  ast: any;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function parse(path: string): any {
  return parseSync(readFileSync(path, "utf8"), { syntax: "typescript", decorators: true, tsx: false });
}

const modules = readdirSync(MODULES_DIR).filter((name) => statSync(join(MODULES_DIR, name)).isDirectory());
const sources: SourceFile[] = modules.flatMap((module) =>
  filesUnder(join(MODULES_DIR, module)).map((path) => ({ module, path, text: readFileSync(path, "utf8"), ast: parse(path) })),
);

/** Every node of an swc AST, with its parent. */
function walk(node: any, visit: (node: any, parent: any) => void, parent: any = null): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit, parent);
    return;
  }
  if (typeof node.type === "string") visit(node, parent);
  for (const [key, value] of Object.entries(node)) {
    if (key === "span" || !value || typeof value !== "object") continue;
    walk(value, visit, typeof node.type === "string" ? node : parent);
  }
}

function importsOf(ast: any): string[] {
  const found: string[] = [];
  walk(ast, (node) => {
    if ((node.type === "ImportDeclaration" || node.type === "ExportAllDeclaration" || node.type === "ExportNamedDeclaration") && node.source) {
      found.push(node.source.value);
    }
    if (node.type === "CallExpression" && (node.callee?.type === "Import" || node.callee?.value === "require")) {
      const arg = node.arguments?.[0]?.expression;
      if (arg?.type === "StringLiteral") found.push(arg.value);
    }
  });
  return found;
}

/** The tables and entities a module defines: migrations' `new Table({ name })`, models' `@Entity("…")`, `@JoinTable({ name })` and class names. */
function ownedNames(module: string): { tables: Set<string>; entities: Set<string> } {
  const tables = new Set<string>();
  const entities = new Set<string>();
  for (const source of sources.filter((s) => s.module === module)) {
    const migration = source.path.includes(`${sep}migrations${sep}`);
    const model = source.path.includes(`${sep}models${sep}`);
    if (!migration && !model) continue;
    walk(source.ast, (node) => {
      if (migration && node.type === "NewExpression" && node.callee?.value === "Table") {
        const name = node.arguments?.[0]?.expression?.properties?.find((p: any) => p.key?.value === "name");
        if (name?.value?.type === "StringLiteral") tables.add(name.value.value);
      }
      if (model && node.type === "ClassDeclaration") {
        const entity = node.decorators?.find((d: any) => d.expression?.callee?.value === "Entity");
        if (!entity) return;
        entities.add(node.identifier.value);
        const arg = entity.expression.arguments?.[0]?.expression;
        if (arg?.type === "StringLiteral") tables.add(arg.value);
      }
      if (model && node.type === "CallExpression" && node.callee?.value === "JoinTable") {
        const name = node.arguments?.[0]?.expression?.properties?.find((p: any) => p.key?.value === "name");
        if (name?.value?.type === "StringLiteral") tables.add(name.value.value);
      }
    });
  }
  return { tables, entities };
}

const owned = new Map(modules.map((m) => [m, ownedNames(m)]));

function ownerOfTable(table: string): string | undefined {
  return modules.find((m) => owned.get(m)!.tables.has(table));
}

function ownerOfEntity(entity: string): string | undefined {
  return modules.find((m) => owned.get(m)!.entities.has(entity));
}

/**
 * A module's relations that point at another module's entity, by entity class
 * and property (`Cart` → `discounts` → `Discount`); `*` collects the property
 * names that only ever point outside the module (for joins by alias).
 */
function crossRelations(module: string): Map<string, Map<string, string>> {
  const found = new Map<string, Map<string, string>>([["*", new Map()]]);
  const inside = new Set<string>();
  for (const source of sources.filter((s) => s.module === module && s.path.includes(`${sep}models${sep}`))) {
    walk(source.ast, (node) => {
      if (node.type !== "ClassDeclaration") return;
      const relations = new Map<string, string>();
      found.set(node.identifier.value, relations);
      for (const member of node.body ?? []) {
        if (member.type !== "ClassProperty" || member.key?.type !== "Identifier") continue;
        for (const decorator of member.decorators ?? []) {
          const call = decorator.expression;
          if (!["ManyToOne", "OneToMany", "OneToOne", "ManyToMany"].includes(call?.callee?.value)) continue;
          const target = call.arguments?.[0]?.expression;
          if (target?.type !== "StringLiteral") continue;
          const owner = ownerOfEntity(target.value);
          if (owner && owner !== module) relations.set(member.key.value, target.value);
          else inside.add(member.key.value);
        }
      }
    });
  }
  for (const [entity, relations] of found) {
    if (entity === "*") continue;
    for (const [name, target] of relations) if (!inside.has(name)) found.get("*")!.set(name, target);
  }
  return found;
}

/**
 * Where a file names another module's table or entity: a double-quoted
 * identifier in SQL text (a template literal or a string, `"discount"`), a
 * table or entity name passed as a string to a call (`.update("ProductVariant")`,
 * `batch.rows("Discount", …)`, `sql.id("discount")`, `.from("discount")`), or an entity name as a
 * string anywhere else. Relation decorators are left out.
 */
export function foreignNames(source: Pick<SourceFile, "module" | "ast">, relations = crossRelations(source.module)): string[] {
  const found = new Set<string>();
  const noteRelation = (of: string, name: string) => {
    const entity = relations.get(of)?.get(name);
    if (entity) found.add(`relation ${name} -> ${entity} (${ownerOfEntity(entity)})`);
  };
  const note = (owner: string | undefined, name: string) => {
    if (owner && owner !== source.module) found.add(`${name} (${owner})`);
  };
  const scanSqlText = (text: string) => {
    for (const [, name] of text.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)) {
      note(ownerOfTable(name), `"${name}"`);
      note(ownerOfEntity(name), `"${name}"`);
    }
  };
  walk(source.ast, (node, parent) => {
    // An ORM join through a relation to another module's entity: `find(Cart, { relations: { discounts: true } })`, `leftJoin("cart.discounts", …)`.
    if (node.type === "CallExpression") {
      const [first, ...rest] = (node.arguments ?? []).map((a: any) => a.expression);
      const entity = first?.type === "Identifier" ? first.value : undefined;
      for (const arg of rest) {
        if (!entity || arg?.type !== "ObjectExpression") continue;
        const value = arg.properties?.find((p: any) => p.key?.value === "relations")?.value;
        if (value?.type === "ObjectExpression") for (const p of value.properties ?? []) noteRelation(entity, p.key?.value);
        if (value?.type === "ArrayExpression") {
          for (const e of value.elements ?? []) if (e?.expression?.type === "StringLiteral") noteRelation(entity, e.expression.value.split(".")[0]);
        }
      }
      const join = /^(leftJoin|innerJoin|join)/.test(node.callee?.property?.value ?? "") ? first : undefined;
      if (join?.type === "StringLiteral" && join.value.includes(".")) noteRelation("*", join.value.split(".")[1]);
    }
    if (node.type === "TemplateElement") scanSqlText(node.cooked ?? node.raw);
    if (node.type !== "StringLiteral") return;
    scanSqlText(node.value);
    if (parent?.type === "ImportDeclaration" || parent?.type === "ExportAllDeclaration" || parent?.type === "ExportNamedDeclaration") return;
    const call = parent?.type === "CallExpression" ? parent : undefined;
    const callee = call?.callee?.type === "Identifier" ? call.callee.value : undefined;
    if (callee && SCHEMA_DECORATORS.has(callee)) return;
    note(ownerOfEntity(node.value), node.value);
    const method = call?.callee?.type === "MemberExpression" ? call.callee.property?.value : callee;
    if (method && QUERY_CALLS.has(method)) note(ownerOfTable(node.value), node.value);
  });
  return [...found];
}

describe("module boundaries", () => {
  it("finds every module's tables and entities", () => {
    expect(owned.get("cart")!.tables).toEqual(new Set(["cart", "cart_discounts", "line_item", "line_item_adjustment", "cart_completion"]));
    expect(owned.get("discount")!.entities).toContain("DiscountRule");
    expect(owned.get("product")!.tables).toContain("product_variant");
    expect(owned.get("order")!.tables).toContain("order_discounts");
  });

  it("a module imports only kiosk (and its entries), node builtins and its own files", () => {
    const builtins = new Set(builtinModules);
    const entries = kioskEntries();
    expect(entries).toContain("kiosk/sql");
    const wrong: string[] = [];
    for (const source of sources) {
      for (const specifier of importsOf(source.ast)) {
        if (entries.includes(specifier) || specifier.startsWith("node:") || builtins.has(specifier)) continue;
        const root = join(MODULES_DIR, source.module);
        const target = specifier.startsWith(".") ? resolve(dirname(source.path), specifier) : undefined;
        if (target && (target === root || target.startsWith(root + sep))) continue;
        wrong.push(`${relative(MODULES_DIR, source.path)} imports ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("a module names only its own tables and entities", () => {
    const wrong: string[] = [];
    for (const source of sources) {
      const file = relative(MODULES_DIR, source.path).split(sep).join("/");
      for (const name of foreignNames(source)) {
        const key = `${file}: ${name}`;
        if (!ALLOWED.has(key)) wrong.push(key);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("catches a violation", () => {
    const ast = parseSync(
      'import { sql } from "kiosk/sql";\n' +
        'export const a = sql`SELECT "discount_id" FROM "cart_discounts" JOIN "discount" d ON true`;\n' +
        'export const b = (m: any) => m.createQueryBuilder().update("ProductVariant");\n' +
        "export const c = (batch: any) => batch.rows(\"DiscountRule\", sql`t.\"id\" = 1`);\n" +
        'export const d = (m: any) => m.query(\'SELECT * FROM "shipping_method"\');\n' +
        'export const e = (m: any) => m.createQueryBuilder().select().from("payment_session", "s");\n' +
        'export const f = (req: any) => requireActorId(req, "customer");\n' +
        'export const g = (m: any) => m.findOne(Cart, { where: { id: "x" }, relations: { discounts: { rule: true } } });\n' +
        'export const h = (m: any) => m.createQueryBuilder(Cart, "cart").leftJoinAndSelect("cart.discounts", "d");\n',
      { syntax: "typescript", decorators: true },
    );
    expect(foreignNames({ module: "cart", ast }, new Map([["Cart", new Map([["discounts", "Discount"]])], ["*", new Map([["discounts", "Discount"]])]])).sort()).toEqual(
      ['"discount" (discount)', '"shipping_method" (shipping)', "DiscountRule (discount)", "ProductVariant (product)", "payment_session (payment)", "relation discounts -> Discount (discount)"].sort(),
    );
  });
});
