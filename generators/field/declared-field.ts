import fs from "node:fs";
import path from "node:path";
import type { ObjectLiteralExpression } from "ts-morph";
import { configObject, initializer } from "../core/edits/add-plugin-to-config";
import { GeneratorInputError } from "../core/errors";
import { editProject } from "../core/ts-project";
import type { FieldSpec } from "./field-spec";

/**
 * `customFields.<entity>.<name>` as kiosk.config.ts declares it, read back into a spec, so
 * `kiosk destroy field product brand` needs no type. Undefined when the config does not declare it.
 */
export function declaredField(projectDir: string, configPath: string, entity: string, name: string): FieldSpec | undefined {
  const file = path.join(projectDir, configPath);
  if (!fs.existsSync(file)) return undefined;
  const config = configObject(editProject().open(file));
  const object = (parent: ObjectLiteralExpression | undefined, key: string) => {
    const value = parent && initializer(parent, key);
    return value?.getKindName() === "ObjectLiteralExpression" ? (value as ObjectLiteralExpression) : undefined;
  };
  const definition = object(object(object(config, "customFields"), entity), name);
  if (!definition) return undefined;
  const text = (key: string) => initializer(definition, key)?.getText();
  const literal = (key: string) => {
    const value = text(key);
    return value === undefined ? undefined : (JSON.parse(value) as unknown);
  };
  try {
    const values = literal("values") as string[] | undefined;
    return { name, type: String(literal("type")), values, index: literal("index") === true, store: literal("store") === "write" };
  } catch {
    throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `customFields.${entity}.${name} is not as \`kiosk generate field\` writes it: remove it by hand`);
  }
}
