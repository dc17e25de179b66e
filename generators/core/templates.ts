import fs from "node:fs";
import path from "node:path";
import type { TemplateDelegate } from "handlebars";
import { camel, kebab, pascal, plural, snake, upperSnake } from "./naming";
import { packageRoot } from "./package-root";

type Handlebars = typeof import("handlebars");

let engine: Handlebars | undefined;
const compiled = new Map<string, TemplateDelegate>();

/** Handlebars with the naming helpers, loaded on first use. */
function handlebars(): Handlebars {
  if (engine) return engine;
  const hbs = (require("handlebars") as Handlebars).create();
  const helpers: Record<string, (s: string) => string> = { pascal, camel, kebab, snake, upperSnake, plural };
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, (value: unknown) => fn(String(value)));
  return (engine = hbs);
}

/**
 * Renders `templates/<generator>/<file>.hbs` with `data`. Templates only place
 * values and name forms (generators compute everything else); output is code,
 * so nothing is HTML-escaped, and a missing value is an error, not an empty string.
 */
export function render(generator: string, file: string, data: object): string {
  const key = `${generator}/${file}`;
  let template = compiled.get(key);
  if (!template) {
    const source = fs.readFileSync(path.join(packageRoot(), "templates", generator, `${file}.hbs`), "utf8");
    template = handlebars().compile(source, { noEscape: true, strict: true });
    compiled.set(key, template);
  }
  return template(data);
}
