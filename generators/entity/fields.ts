import { GeneratorInputError } from "../core/errors";
import { names, snake, type Names } from "../core/naming";
import { validateColumnName } from "../core/validate-name";
import { FIELD_TYPES, TYPE_ALIASES, type FieldType } from "./field-types";

/** One `name:type[?][:unique|:index]` argument, checked and normalised. The type is required. */
export interface Field {
  /** The column: `title`, or `author_id` for `author:belongs-to`. */
  column: string;
  type: FieldType;
  nullable: boolean;
  unique: boolean;
  /** An index of its own (a unique column has one already). */
  index: boolean;
  /** For `enum(a|b)`: the values, in order. */
  values?: string[];
  /** For `<other>:belongs-to`: the property (`author`) and the entity it points at. */
  relation?: { property: string; target: Names };
}

const typeList = () => FIELD_TYPES.join(", ").replace("enum", "enum(a|b)");

const bad = (spec: string, why: string) => new GeneratorInputError("KIOSK_INVALID_FIELD", `invalid field "${spec}": ${why}`);

function parseType(spec: string, raw: string): { type: FieldType; values?: string[] } {
  const enumMatch = /^enum\((.*)\)$/i.exec(raw);
  if (enumMatch) {
    const values = enumMatch[1].split(/[|,]/).map((v) => v.trim());
    if (!values.length || values.some((v) => !/^[A-Za-z0-9][\w-]*$/.test(v))) {
      throw bad(spec, "enum values are words separated by |, such as enum(draft|published)");
    }
    if (new Set(values).size !== values.length) throw bad(spec, "an enum value is listed twice");
    return { type: "enum", values };
  }
  const lower = raw.toLowerCase();
  const type = (FIELD_TYPES as readonly string[]).includes(lower) ? (lower as FieldType) : TYPE_ALIASES[lower];
  if (!type) throw bad(spec, `unknown type "${raw}"; use ${typeList()}`);
  return { type };
}

/**
 * Parses one field argument. `?` after the name or the type makes it nullable;
 * `:unique` and `:index` may follow; `author:belongs-to` becomes an `author_id`
 * column with a foreign key to `author` and an index.
 */
export function parseField(spec: string): Field {
  if (!spec.includes(":")) {
    // No default type: `body` would become a 255-character string when text was meant.
    throw bad(spec, `no type; write ${spec.replace(/\?$/, "")}:<type>${spec.endsWith("?") ? "?" : ""} with one of ${typeList()}`);
  }
  const [rawName = "", rawType = "", ...modifiers] = spec.split(":");
  let nullable = false;
  const strip = (s: string) => (s.endsWith("?") ? ((nullable = true), s.slice(0, -1)) : s);
  const name = strip(rawName.trim());
  const { type, values } = parseType(spec, strip(rawType.trim()));
  let unique = false;
  let index = false;
  for (const modifier of modifiers.map((m) => m.trim().toLowerCase())) {
    if (modifier === "unique") unique = true;
    else if (modifier === "index") index = true;
    else if (modifier === "?" || modifier === "nullable" || modifier === "optional") nullable = true;
    else throw bad(spec, `unknown modifier ":${modifier}"; use :unique or :index`);
  }
  if (type === "belongs-to") {
    // The property is never a column (its `_id` is), so only the column must avoid SQL's words.
    const property = snake(name.replace(/_?id$/i, ""));
    if (!/^[a-z][a-z0-9_]*$/.test(property)) throw bad(spec, "belongs-to needs the other entity's name, such as author:belongs-to");
    const column = validateColumnName(`${property}_id`, spec);
    return { column, type, nullable, unique, index: !unique, relation: { property, target: names(property) } };
  }
  if (unique && ["json", "boolean"].includes(type)) throw bad(spec, `a ${type} column cannot be :unique`);
  return { column: validateColumnName(name, spec), type, nullable, unique, index: index && !unique, values };
}

/** Parses every field argument; a column given twice is refused. */
export function parseFields(specs: string[]): Field[] {
  const fields = specs.map(parseField);
  const seen = new Map<string, string>();
  fields.forEach((field, i) => {
    for (const key of [field.column, field.relation?.property].filter((k): k is string => !!k)) {
      if (seen.has(key)) throw bad(specs[i], `"${key}" is already defined by "${seen.get(key)}"`);
      seen.set(key, specs[i]);
    }
  });
  return fields;
}
