import { z } from "zod";

/** The column types a custom field can have. */
export const CUSTOM_FIELD_TYPES = ["string", "text", "int", "bigint", "float", "boolean", "datetime", "json", "enum"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** One custom field of a core entity, as `customFields.<entity>.<name>` declares it in `kiosk.config.ts`. */
export interface CustomFieldDefinition {
  type: CustomFieldType;
  /** The values of an `enum` field (stored as varchar). */
  values?: string[];
  /** Whether the column accepts null (default true). A field that is not nullable needs a `default`. */
  nullable?: boolean;
  /** The column's default: a string, an integer, a number (`float`) or a boolean, matching the type. */
  default?: string | number | boolean;
  /** An index on the column; the list routes of the entity then filter by it (`?brand=acme`). */
  index?: boolean;
  /** Longest value of a `string` field (default 255). */
  length?: number;
  /** `"write"`: store bodies (the storefront's) may set it too; by default only admin bodies do. */
  store?: "write";
}

/** `customFields` of `kiosk.config.ts`: entity name (`product`, `customer`, …) → field name → definition. */
export type CustomFieldsConfig = Record<string, Record<string, CustomFieldDefinition>>;

/** A field name: a lower-case SQL identifier (it is the column's name). */
export const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const enumValue = z.string().min(1).max(100);

/** The definition's schema; `superRefine` checks that its parts agree (default vs type, enum values, index on json). */
export const customFieldDefinitionSchema = z
  .strictObject({
    type: z.enum(CUSTOM_FIELD_TYPES),
    values: z.array(enumValue).min(1).max(200).optional(),
    nullable: z.boolean().optional(),
    default: z.union([z.string().max(255), z.number(), z.boolean()]).optional(),
    index: z.boolean().optional(),
    length: z.number().int().min(1).max(10_000).optional(),
    store: z.literal("write").optional(),
  })
  .superRefine((field, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (field.type === "enum") {
      if (!field.values) problem("values", "an enum field needs its values");
      else if (new Set(field.values).size !== field.values.length) problem("values", "the values repeat");
    } else if (field.values) problem("values", `only an enum field has values, not a ${field.type} field`);
    if (field.length !== undefined && field.type !== "string") problem("length", "only a string field has a length");
    if (field.index && (field.type === "json" || field.type === "text")) problem("index", `a ${field.type} field cannot be indexed`);
    if (field.default !== undefined) {
      const message = defaultProblem(field);
      if (message) problem("default", message);
    } else if (field.nullable === false) problem("default", "a field that is not nullable needs a default (existing rows get it)");
  });

function defaultProblem(field: CustomFieldDefinition): string | undefined {
  const value = field.default;
  switch (field.type) {
    case "string":
    case "text":
      return typeof value === "string" ? undefined : "expected a string";
    case "enum":
      return typeof value === "string" && field.values?.includes(value) ? undefined : "expected one of the values";
    case "int":
    case "bigint":
      return Number.isSafeInteger(value) ? undefined : "expected an integer";
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? undefined : "expected a number";
    case "boolean":
      return typeof value === "boolean" ? undefined : "expected true or false";
    default:
      return `a ${field.type} field cannot have a default (set it in a service or a subscriber)`;
  }
}

export const customFieldsConfigSchema = z.record(
  z.string().regex(/^[a-z][a-z_]*$/, "an entity name such as product or line_item"),
  z.record(z.string().regex(FIELD_NAME, "a lower-case column name (a-z, 0-9, _), at most 63 characters"), customFieldDefinitionSchema),
);
