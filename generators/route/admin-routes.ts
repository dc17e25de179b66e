import { block } from "../core/code-block";
import type { PlannedFile } from "../core/plan";
import { render } from "../core/templates";
import type { EntityModel } from "../entity/entity-model";
import { TYPE_RULES } from "../entity/field-types";
import type { Field } from "../entity/fields";

/** Names the generated handlers already use; a plural named so becomes `records`. */
const TAKEN = new Set(["count", "service", "req", "res", "z"]);

/** The zod schema of one field in the admin body. */
function zodFor(model: EntityModel, field: Field): string {
  const base =
    field.type === "enum"
      ? `z.enum(${model.enums.find((e) => e.field === field)!.constName})`
      : field.type === "belongs-to"
        ? "z.string().min(1).max(255)"
        : TYPE_RULES[field.type].zod;
  return field.nullable ? `${base}.nullable().optional()` : base;
}

/**
 * The admin API of an entity, for `entity --crud`: `src/api/admin/<plural>/route.ts`
 * (list, create), `[id]/route.ts` (retrieve, update, delete) and the zod
 * validators derived from the fields, in `validators.ts` beside them.
 */
export function adminRouteFiles(model: EntityModel): PlannedFile[] {
  const { names } = model;
  const dir = `src/api/admin/${names.plural.kebab}`;
  const items = TAKEN.has(names.plural.camel) ? "records" : names.plural.camel;
  return [
    { path: `${dir}/route.ts`, contents: render("route", "admin-list-route.ts", { names, items }) },
    { path: `${dir}/[id]/route.ts`, contents: render("route", "admin-item-route.ts", { names }) },
    {
      path: `${dir}/validators.ts`,
      contents: render("route", "admin-validators.ts", {
        names,
        kioskImports: model.fields.some((f) => f.type === "datetime") ? "strictIsoDate, z" : "z",
        enumImports: model.enums.map((e) => e.constName).join(", "),
        shape: block(model.fields.map((f) => `${f.column}: ${zodFor(model, f)},`)),
      }),
    },
  ];
}
