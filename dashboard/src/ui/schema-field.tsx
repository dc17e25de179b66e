import type { JsonSchema } from "../entities";
import { Field, SelectField, TextField } from "./form";

/** One property of a JSON Schema object, as a form shows it. */
export interface SchemaProperty {
  key: string;
  schema: JsonSchema;
  nullable: boolean;
  kind: "enum" | "boolean" | "integer" | "number" | "date" | "json" | "text";
  required: boolean;
}

/** A property's own schema without its `null` alternative, and whether null is allowed. */
function unwrap(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const options = schema.anyOf;
  if (options) {
    const rest = options.filter((o) => o.type !== "null");
    return { schema: rest[0] ?? {}, nullable: rest.length < options.length };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: types[0] }, nullable: types.length < schema.type.length };
  }
  return { schema, nullable: false };
}

function kindOf(schema: JsonSchema): SchemaProperty["kind"] {
  if (schema.enum) return "enum";
  if (schema.type === "boolean") return "boolean";
  if (schema.type === "integer") return "integer";
  if (schema.type === "number") return "number";
  if (schema.format === "date-time" || schema.format === "date") return "date";
  if (schema.type === "object" || schema.type === "array") return "json";
  return "text";
}

/** The properties of an object schema, in order. */
export function propertiesOf(object: JsonSchema | undefined): SchemaProperty[] {
  return Object.entries(object?.properties ?? {}).map(([key, raw]) => {
    const { schema, nullable } = unwrap(raw);
    return { key, schema, nullable, kind: kindOf(schema), required: (object?.required ?? []).includes(key) };
  });
}

/** A record's value as the form's text. */
export function toText(value: unknown, kind: string): string {
  if (value === null || value === undefined) return "";
  if (kind === "json") return JSON.stringify(value);
  if (kind === "boolean") return value ? "true" : "false";
  return String(value);
}

/** The form's text as the API's value; `undefined` leaves the field out. */
export function fromText(text: string, kind: string, nullable: boolean, editing: boolean): unknown {
  if (text === "" && kind !== "boolean") return nullable && editing ? null : undefined;
  switch (kind) {
    case "boolean":
      return text === "true";
    case "integer":
    case "number":
      return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
    case "json":
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/** A new record's text for each property: enums their first value, booleans false, the rest empty. */
export function emptyValues(properties: SchemaProperty[]): Record<string, string> {
  return Object.fromEntries(properties.map((p) => [p.key, p.kind === "boolean" ? "false" : p.kind === "enum" && p.required ? String(p.schema.enum?.[0] ?? "") : ""]));
}

/** A record's values as the form's text. */
export function valuesOf(properties: SchemaProperty[], record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(properties.map((p) => [p.key, toText(record[p.key], p.kind)]));
}

/** The body's part for `properties`, from the form's text. */
export function bodyOf(properties: SchemaProperty[], values: Record<string, string>, editing: boolean): Record<string, unknown> {
  return Object.fromEntries(properties.map((p) => [p.key, fromText(values[p.key] ?? "", p.kind, p.nullable, editing)]).filter(([, value]) => value !== undefined));
}

export function labelOf(key: string): string {
  return key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** The input for one property: a select for enums, a checkbox for booleans, text otherwise. */
export function SchemaField(props: { property: SchemaProperty; name: string; label?: string; value: string; onChange: (value: string) => void; error?: string }) {
  const { property: p, name, value, onChange: set, error } = props;
  const label = (props.label ?? labelOf(p.key)) + (p.required ? "" : " (optional)");
  if (p.kind === "enum") return <SelectField label={label} name={name} value={value} options={[...(p.required ? [] : [""]), ...(p.schema.enum ?? []).map(String)]} onChange={set} error={error} />;
  if (p.kind === "boolean")
    return (
      <Field label={label} name={name} error={error}>
        {(attrs) => <input {...attrs} type="checkbox" checked={value === "true"} onChange={(e) => set(String(e.target.checked))} />}
      </Field>
    );
  return (
    <TextField
      label={label}
      name={name}
      value={value}
      onChange={set}
      error={error}
      required={p.required}
      inputMode={p.kind === "integer" ? "numeric" : p.kind === "number" ? "decimal" : undefined}
      hint={p.kind === "date" ? "ISO 8601, such as 2026-03-01T12:00:00Z" : p.kind === "json" ? "JSON" : p.schema.description}
    />
  );
}
