import { GeneratorInputError } from "../core/errors";

/** A custom field as the command line gives it: `brand:string:index`, `size:enum(s|m|l)`, `note:text:store`. */
export interface FieldSpec {
  name: string;
  type: string;
  values?: string[];
  index: boolean;
  store: boolean;
}

const TYPES = ["string", "text", "int", "bigint", "float", "boolean", "datetime", "json"];

/** Parses and checks one field argument; a bad one is one line naming what is expected. */
export function parseFieldSpec(arg: string | undefined): FieldSpec {
  const usage = "expected name:type[:index][:store], e.g. brand:string:index";
  if (!arg) throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `no field given: ${usage}`);
  const [name, type, ...flags] = arg.split(":");
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name ?? "")) {
    throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `"${name}" is not a field name: lower-case letters, digits and _, a letter first`);
  }
  if (!type) throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `${name} has no type: ${usage}`);
  const enumMatch = /^enum\(([^)]*)\)$/.exec(type);
  const values = enumMatch?.[1].split("|").map((v) => v.trim()).filter(Boolean);
  if (enumMatch && (!values?.length || new Set(values).size !== values.length)) {
    throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `${name}: enum(…) needs distinct values separated by |`);
  }
  if (!enumMatch && !TYPES.includes(type)) {
    throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `${name}: unknown type "${type}" (one of ${TYPES.join(", ")}, enum(a|b))`);
  }
  for (const flag of flags) {
    if (flag !== "index" && flag !== "store") throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `${name}: unknown modifier "${flag}" (index or store)`);
  }
  const index = flags.includes("index");
  if (index && (type === "json" || type === "text")) throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `${name}: a ${type} field cannot be indexed`);
  return { name, type: enumMatch ? "enum" : type, values, index, store: flags.includes("store") };
}

/** The definition's source text in `customFields`: `{ type: "string", index: true }`. */
export function definitionText(field: FieldSpec): string {
  const parts = [`type: ${JSON.stringify(field.type)}`];
  if (field.values) parts.push(`values: [${field.values.map((v) => JSON.stringify(v)).join(", ")}]`);
  if (field.index) parts.push("index: true");
  if (field.store) parts.push('store: "write"');
  return `{ ${parts.join(", ")} }`;
}
