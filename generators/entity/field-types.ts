/** The field types `kiosk generate entity` knows, as the user writes them. */
export const FIELD_TYPES = [
  "string",
  "text",
  "int",
  "bigint",
  "float",
  "decimal",
  "boolean",
  "date",
  "datetime",
  "json",
  "uuid",
  "enum",
  "belongs-to",
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Other spellings people type, and the type they mean. */
export const TYPE_ALIASES: Record<string, FieldType> = {
  integer: "int",
  bool: "boolean",
  double: "float",
  number: "float",
  timestamp: "datetime",
  jsonb: "json",
  references: "belongs-to",
  belongs_to: "belongs-to",
  belongsto: "belongs-to",
};

/**
 * How each field type is stored, typed and validated. Column types are the
 * portable vocabulary of `kernel/database/portable-types.ts`, so one entity and
 * one migration run on SQLite and PostgreSQL.
 */
export interface TypeRules {
  /** The portable column type, in the entity and the migration. */
  column: string;
  /** The property's TypeScript type (enums get their own union type). */
  ts: string;
  /** The zod schema of the admin routes' body. */
  zod: string;
  /** PostgreSQL hands these back as text, SQLite as numbers: read both as strings. */
  asText?: boolean;
}

export const TYPE_RULES: Record<Exclude<FieldType, "enum" | "belongs-to">, TypeRules> = {
  string: { column: "varchar", ts: "string", zod: "z.string().max(255)" },
  text: { column: "text", ts: "string", zod: "z.string()" },
  int: { column: "integer", ts: "number", zod: "z.number().int().min(-2147483648).max(2147483647)" },
  bigint: { column: "bigint", ts: "string", zod: 'z.coerce.string().regex(/^-?\\d{1,18}$/, "expected a whole number")', asText: true },
  float: { column: "real", ts: "number", zod: "z.number()" },
  decimal: {
    column: "decimal",
    ts: "string",
    zod: 'z.coerce.string().regex(/^-?\\d+(\\.\\d+)?$/, "expected a decimal number")',
    asText: true,
  },
  boolean: { column: "boolean", ts: "boolean", zod: "z.boolean()" },
  date: { column: "date", ts: "string", zod: 'z.iso.date({ error: "expected an ISO 8601 date, such as 2024-05-01" })' },
  datetime: { column: "datetime", ts: "Date", zod: "strictIsoDate" },
  json: { column: "jsonb", ts: "Record<string, unknown>", zod: "z.record(z.string(), z.unknown())" },
  uuid: { column: "varchar", ts: "string", zod: "z.uuid()" },
};

/**
 * Sample values for the generated test, as TypeScript source: a first value
 * for create and a second for update. `unique` columns get values that differ
 * on every run (`run` is a per-run string the test declares).
 */
export function sampleValues(type: Exclude<FieldType, "enum" | "belongs-to">, column: string, unique: boolean): [string, string] {
  const text = (suffix: string) => (unique ? `\`${column}-${suffix}-\${run}\`` : JSON.stringify(`${column} ${suffix}`));
  switch (type) {
    case "string":
    case "text":
      return [text("one"), text("two")];
    case "int":
      return unique ? ["uniqueNumber()", "uniqueNumber()"] : ["1", "2"];
    case "bigint":
      return unique ? ["String(uniqueNumber())", "String(uniqueNumber())"] : ['"4294967296"', '"42"'];
    case "float":
      return unique ? ["uniqueNumber() + 0.5", "uniqueNumber() + 0.5"] : ["1.5", "2.5"];
    case "decimal":
      return unique ? ["`${uniqueNumber()}.25`", "`${uniqueNumber()}.75`"] : ['"19.99"', '"24.5"'];
    case "boolean":
      return ["true", "false"];
    case "date":
      return ['"2024-05-01"', '"2024-06-30"'];
    case "datetime":
      return ['"2024-05-01T12:00:00.000Z"', '"2024-06-30T08:30:00.000Z"'];
    case "json":
      return ['{ source: "test" }', '{ source: "test", edited: true }'];
    case "uuid":
      return unique ? ["crypto.randomUUID()", "crypto.randomUUID()"] : ['"3f2c6f1e-8a4b-4c2d-9e1f-0a1b2c3d4e5f"', '"8d1e4a7b-2c3f-4e5a-8b6c-7d8e9f0a1b2c"'];
  }
}
