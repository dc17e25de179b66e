import fs from "node:fs";
import path from "node:path";
import { coreTables } from "../core/core-tables";
import { GeneratorInputError } from "../core/errors";
import { pascal, plural, snake, upperSnake, type Names } from "../core/naming";
import type { GeneratorContext } from "../core/plan";
import { TYPE_RULES } from "./field-types";
import type { Field } from "./fields";

/** Where the entity a `belongs-to` points at lives. */
export type RelationKind = "project" | "core" | "self";

/** A `belongs-to` field and its target. */
export interface Relation {
  field: Field;
  kind: RelationKind;
  /** The target's model file, for `project` targets: `src/models/author.ts`. */
  targetPath: string;
  /** The property added to a `project` target: `posts`. */
  inverse: string;
}

/** An `enum(a|b)` field's exported values and type: `POST_STATUSES`, `PostStatus`. */
export interface EnumType {
  field: Field;
  constName: string;
  typeName: string;
}

/** Everything the entity's files are rendered from. */
export interface EntityModel {
  names: Names;
  /** `post` gives ids `post_01J…`. */
  idPrefix: string;
  fields: Field[];
  relations: Relation[];
  enums: EnumType[];
}

/** `src/models/<kebab>.ts`. */
export const modelPath = (n: Names) => `src/models/${n.kebab}.ts`;

/**
 * The entity, with each `belongs-to` resolved: another entity of the project,
 * a core entity, or itself. A target found nowhere is refused when generating
 * (its table must exist first); destroy plans it as a project entity.
 */
export function entityModel(entity: Names, fields: Field[], context: GeneratorContext): EntityModel {
  const relations = fields
    .filter((f) => f.relation)
    .map((field): Relation => {
      const target = field.relation!.target;
      const targetPath = modelPath(target);
      const kind: RelationKind =
        target.snake === entity.snake
          ? "self"
          : fs.existsSync(path.join(context.projectDir, targetPath))
            ? "project"
            : coreTables().has(target.snake)
              ? "core"
              : "project";
      if (kind === "project" && context.mode === "generate" && !fs.existsSync(path.join(context.projectDir, targetPath))) {
        throw new GeneratorInputError(
          "KIOSK_INVALID_FIELD",
          `invalid field "${field.relation!.property}:belongs-to": no entity ${target.pascal} in ${targetPath} or in Kiosk's core; generate it first`,
        );
      }
      return { field, kind, targetPath, inverse: entity.plural.snake };
    });
  const enums = fields
    .filter((f) => f.type === "enum")
    .map((field) => ({
      field,
      constName: `${upperSnake(entity.snake)}_${upperSnake(plural(field.column))}`,
      typeName: `${entity.pascal}${pascal(field.column)}`,
    }));
  return { names: entity, idPrefix: snake(entity.snake), fields, relations, enums };
}

/** The TypeScript type of a field's property, without `| null`. */
export function tsType(model: EntityModel, field: Field): string {
  if (field.type === "enum") return model.enums.find((e) => e.field === field)!.typeName;
  if (field.type === "belongs-to") return "string";
  return TYPE_RULES[field.type].ts;
}

/** The portable column type of a field. */
export function columnType(field: Field): string {
  if (field.type === "enum" || field.type === "belongs-to") return "varchar";
  return TYPE_RULES[field.type].column;
}
