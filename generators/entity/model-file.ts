import { importList } from "../core/naming";
import type { PlannedFile } from "../core/plan";
import { render } from "../core/templates";
import { columnType, modelPath, tsType, type EntityModel } from "./entity-model";
import { TYPE_RULES } from "./field-types";
import type { Field } from "./fields";

const article = (word: string) => (/^[aeiou]/i.test(word) ? "An" : "A");

/** `@Column({ type: "varchar", nullable: true })` for one field. */
function columnDecorator(field: Field): string {
  const options = [`type: "${columnType(field)}"`];
  if (field.nullable) options.push("nullable: true");
  if (field.unique) options.push("unique: true");
  if (field.type !== "enum" && field.type !== "belongs-to" && TYPE_RULES[field.type].asText) options.push("transformer: asText");
  return `@Column({ ${options.join(", ")} })`;
}

/** The class members of one field, each a list of lines: a column, and for `belongs-to` the relation too. */
function members(model: EntityModel, field: Field): string[][] {
  const type = tsType(model, field);
  const column = [
    ...(field.index ? ["@Index()"] : []),
    columnDecorator(field),
    `${field.column}: ${field.nullable ? `${type} | null` : type};`,
  ];
  const relation = model.relations.find((r) => r.field === field);
  if (!relation) return [column];
  const target = relation.field.relation!.target;
  const args = [JSON.stringify(target.pascal)];
  if (relation.kind === "project") args.push(JSON.stringify(relation.inverse));
  if (field.nullable) args.push('{ onDelete: "SET NULL" }');
  const property = relation.field.relation!.property;
  return [
    column,
    [
      ...(relation.kind === "core"
        ? [`/** Kiosk's ${target.pascal}; load it with \`relations: { ${property}: true }\`. */`]
        : []),
      `@ManyToOne(${args.join(", ")})`,
      `@JoinColumn({ name: "${field.column}" })`,
      `${property}?: ${relation.kind === "core" ? "KioskEntity" : target.pascal};`,
    ],
  ];
}

/** `src/models/<kebab>.ts`: the TypeORM entity, extending KioskEntity. */
export function modelFile(model: EntityModel): PlannedFile {
  const { fields, relations } = model;
  const imports = ["Column", "Entity", "KioskEntity"];
  if (fields.some((f) => f.index)) imports.push("Index");
  if (relations.length) imports.push("JoinColumn", "ManyToOne");
  const typeImports = relations
    .filter((r) => r.kind === "project")
    .map((r) => ({ name: r.field.relation!.target.pascal, from: `./${r.field.relation!.target.kebab}` }))
    .sort((a, b) => a.from.localeCompare(b.from));
  const words = model.names.snake.replace(/_/g, " ");
  return {
    path: modelPath(model.names),
    contents: render("entity", "model.ts", {
      names: model.names,
      idPrefix: model.idPrefix,
      imports: importList(imports),
      typeImports,
      enums: model.enums.map((e) => ({
        constName: e.constName,
        typeName: e.typeName,
        values: `[${e.field.values!.map((v) => JSON.stringify(v)).join(", ")}]`,
      })),
      asText: fields.some((f) => f.type !== "enum" && f.type !== "belongs-to" && TYPE_RULES[f.type].asText),
      description: `${article(words)} ${words}.`,
      members: fields.flatMap((f) => members(model, f)).map((lines) => ({ lines })),
    }),
  };
}
