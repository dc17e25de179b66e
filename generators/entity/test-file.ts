import { block } from "../core/code-block";
import type { PlannedFile } from "../core/plan";
import { render } from "../core/templates";
import { article } from "../service/crud-service";
import type { EntityModel } from "./entity-model";
import { sampleValues } from "./field-types";
import type { Field } from "./fields";

/** The create and update sample of a field, or undefined for a `belongs-to` (its row must exist). */
function samples(field: Field): [string, string] | undefined {
  if (field.type === "belongs-to") return undefined;
  if (field.type === "enum") {
    const values = field.values!.map((v) => JSON.stringify(v));
    return [values[0], values[1] ?? values[0]];
  }
  return sampleValues(field.type, field.column, field.unique);
}

/**
 * `test/<kebab>.test.ts` for `entity --crud`: boots the project with
 * `startTestServer`, signs in an admin, and drives the admin routes through a
 * whole create/list/retrieve/update/delete. An entity that needs another row
 * first (a required `belongs-to`) gets an `it.todo` for that part instead.
 */
export function entityTestFile(model: EntityModel): PlannedFile {
  const { names } = model;
  const required = model.fields.filter((f) => f.type === "belongs-to" && !f.nullable);
  const valid = model.fields
    .filter((f) => samples(f) && !f.nullable)
    .map((f) => `${f.column}: ${samples(f)![0]},`);
  const changed = model.fields.find((f) => samples(f));
  const words = names.snake.replace(/_/g, " ");
  return {
    path: `test/${names.kebab}.test.ts`,
    contents: render("entity", "entity.test.ts", {
      names,
      url: `/admin/${names.plural.kebab}`,
      idPrefix: model.idPrefix,
      uniqueText: model.fields.some((f) => f.unique && ["string", "text"].includes(f.type)),
      uniqueNumbers: model.fields.some((f) => f.unique && ["int", "bigint", "float", "decimal"].includes(f.type)),
      validBody: block(valid),
      validNote: required.length ? ` (but for ${required.map((f) => f.column).join(", ")})` : "",
      roundTrip: required.length === 0,
      changeBody: changed ? `{ ${changed.column}: ${samples(changed)![1]} }` : "{}",
      changeChecks: changed ? [`expect(updated.body.${names.snake}.${changed.column}).toEqual(change.${changed.column});`] : [],
      article: article(words),
      words,
      prerequisites: required.map((f) => `${article(f.relation!.property)} ${f.relation!.property.replace(/_/g, " ")}`).join(" and "),
    }),
  };
}
