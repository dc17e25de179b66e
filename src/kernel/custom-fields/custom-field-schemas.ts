import { z } from "zod";
import { isoDate } from "../http/date-schema";
import { customFieldsOf } from "./active-fields";
import type { CustomFieldDefinition } from "./field-definition";

const INT32 = 2_147_483_647;

function valueSchema(field: CustomFieldDefinition): z.ZodType {
  switch (field.type) {
    case "string":
      return z.string().max(field.length ?? 255);
    case "text":
      return z.string().max(100_000);
    case "int":
      return z.number().int().min(-INT32 - 1).max(INT32);
    case "bigint":
      return z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
    case "float":
      return z.number().finite();
    case "boolean":
      return z.boolean();
    case "datetime":
      return isoDate;
    case "json":
      return z.json();
    case "enum":
      return z.enum(field.values as [string, ...string[]]);
  }
}

/**
 * The zod shape of an entity's custom fields in a body, to spread into the route's
 * `z.strictObject({ … })`: every field for `"admin"`, only those declared `store: "write"`
 * for `"store"`. Each is optional, and nullable unless declared `nullable: false`.
 * Read when the route's validators load, which is after the config: a change needs a restart.
 */
export function customFieldsShape(entity: string, audience: "admin" | "store"): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of customFieldsOf(entity)) {
    if (audience === "store" && field.store !== "write") continue;
    const value = valueSchema(field);
    shape[name] = (field.nullable === false ? value : value.nullable()).optional();
  }
  return shape;
}

/** A query value: a string, as `?brand=acme` sends it, parsed to the field's type. */
function filterSchema(field: CustomFieldDefinition): z.ZodType {
  switch (field.type) {
    case "int":
    case "bigint":
      return z.string().max(20).regex(/^-?\d+$/, "expected an integer").transform(Number).pipe(valueSchema(field) as z.ZodType<unknown, number>);
    case "float":
      return z.string().max(40).transform(Number).pipe(z.number().finite());
    case "boolean":
      return z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
    case "enum":
      return z.enum(field.values as [string, ...string[]]);
    default:
      return z.string().max(field.length ?? 255);
  }
}

/** Indexed fields a list filters by: all but datetimes (a range would be the useful filter there). */
function filterable(field: CustomFieldDefinition): boolean {
  return !!field.index && field.type !== "datetime";
}

/**
 * The zod shape of an entity's indexed custom fields as list filters (`?brand=acme`), each an
 * equality on the column; spread it into the list route's query schema and pass the parsed
 * values to `customFieldFilters` to build the WHERE.
 */
export function customFieldsFilterShape(entity: string): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of customFieldsOf(entity)) if (filterable(field)) shape[name] = filterSchema(field).optional();
  return shape;
}

/** The parsed query's custom field filters of an entity: `{ column: value }`, absent ones left out. */
export function customFieldFilters(entity: string, query: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of customFieldsOf(entity)) {
    const value = (query as Record<string, unknown>)[name];
    if (filterable(field) && value !== undefined) out[name] = value;
  }
  return out;
}

/** The names of an entity's custom fields (for services that copy body fields one by one). */
export function customFieldNames(entity: string): string[] {
  return customFieldsOf(entity).map(([name]) => name);
}

/** The entity's custom fields present in `input` (a validated body): what a service copies onto the row. */
export function customFieldValues(entity: string, input: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of customFieldNames(entity)) {
    const value = (input as Record<string, unknown>)[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}
