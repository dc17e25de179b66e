import { block } from "../core/code-block";
import { importList } from "../core/naming";
import type { PlannedFile } from "../core/plan";
import { render } from "../core/templates";
import { tsType, type EntityModel } from "../entity/entity-model";

/** Names the generated methods already use; an entity named so gets `record` as its local. */
const TAKEN = new Set(["tx", "id", "input", "page", "affected", "count", "req", "res", "z"]);

/** The variable that holds one entity in generated code: `post`, or `record` when that would clash. */
export function localName(model: EntityModel): string {
  return TAKEN.has(model.names.camel) ? "record" : model.names.camel;
}

/** `A blog post` / `an order line`, without the capital. */
export const article = (words: string) => (/^[aeiou]/i.test(words) ? "an" : "a");

/** `src/services/<kebab>.ts` for `entity --crud`: list, retrieve, create, update, delete with events. */
export function crudServiceFile(model: EntityModel): PlannedFile {
  const words = model.names.snake.replace(/_/g, " ");
  const pluralWords = model.names.plural.snake.replace(/_/g, " ");
  return {
    path: `src/services/${model.names.kebab}.ts`,
    contents: render("service", "crud-service.ts", {
      names: model.names,
      local: localName(model),
      article: article(words),
      words,
      pluralWords: pluralWords.charAt(0).toUpperCase() + pluralWords.slice(1),
      modelImports: importList([model.names.pascal], model.enums.map((e) => e.typeName)),
      inputBody: block(
        model.fields.map((f) => (f.nullable ? `${f.column}?: ${tsType(model, f)} | null;` : `${f.column}: ${tsType(model, f)};`)),
      ),
    }),
  };
}
