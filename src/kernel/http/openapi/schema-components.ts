import { z } from "zod";
import { KioskStartupError } from "../../errors";

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1), as zod writes it. */
export type JsonSchema = Record<string, unknown>;

const REF = /"#\/\$defs\/([^"]+)"/g;

/**
 * Turns zod schemas into the JSON Schemas of one OpenAPI document, with zod 4's
 * own `z.toJSONSchema` (draft 2020-12). A schema given an id with
 * `.meta({ id: "Product" })` is written once, in `components.schemas`, and every
 * other schema refers to it. Inputs (bodies, queries) are written as a client
 * sends them, responses as the server answers (`io`); when a schema reads
 * differently on the way in (a default, a coercion), its input form is
 * `<id>Input`. Two different schemas with one id are an error naming it.
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly written = new Map<string, string>();

  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const names = new Map<string, string>();
    for (const [id, def] of Object.entries($defs ?? {})) names.set(id, this.nameFor(id, def, io));
    const rename = (text: string) => text.replace(REF, (_m, id: string) => `"#/components/schemas/${names.get(id) ?? id}"`);
    for (const [id, def] of Object.entries($defs ?? {})) {
      const name = names.get(id)!;
      if (!this.schemas[name]) this.schemas[name] = JSON.parse(rename(JSON.stringify(def)));
    }
    return JSON.parse(rename(JSON.stringify(root)));
  }

  /** The component name of a `$defs` entry: its id, `<id>Input` when the input form differs. */
  private nameFor(id: string, def: JsonSchema, io: "input" | "output"): string {
    const text = JSON.stringify(def);
    const candidates = io === "input" ? [id, `${id}Input`] : [id];
    for (const name of candidates) {
      const seen = this.written.get(name);
      if (seen === undefined) {
        this.written.set(name, text);
        return name;
      }
      if (seen === text) return name;
    }
    throw new KioskStartupError(
      "KIOSK_OPENAPI_SCHEMA_ID",
      `two different schemas are named "${id}" (.meta({ id })): give one of them another id`,
    );
  }
}
