import fs from "node:fs";
import path from "node:path";
import { addCustomFieldToConfig } from "../core/edits/add-custom-field-to-config";
import { GeneratorInputError } from "../core/errors";
import { MIGRATIONS_DIR } from "../core/migration-files";
import { migrationName } from "../core/naming";
import type { Generator } from "../core/plan";
import { migrationTimestamp } from "../migration/create-table";
import { customizableEntities } from "./customizable-entities";
import { declaredField } from "./declared-field";
import { definitionText, parseFieldSpec, type FieldSpec } from "./field-spec";

interface FieldInput {
  entity: string;
  field: FieldSpec;
}

/** kiosk.config.ts, or kiosk.config.js when only that exists. */
function configFile(projectDir: string): string {
  const js = "kiosk.config.js";
  return !fs.existsSync(path.join(projectDir, "kiosk.config.ts")) && fs.existsSync(path.join(projectDir, js)) ? js : "kiosk.config.ts";
}

/** `add-<entity>-<field>` migration: addColumn (and createIndex) in portable types, as `kiosk migrate generate` writes them. */
function migrationSourceFor(className: string, { entity, field }: FieldInput): string {
  // TypeORM and the schema diff are loaded only when a plan needs them.
  const { DefaultNamingStrategy, TableColumn, TableIndex } = require("typeorm") as typeof import("typeorm");
  const { COLUMN_TYPES } = require("../../src/kernel/custom-fields/apply-custom-fields") as typeof import("../../src/kernel/custom-fields/apply-custom-fields");
  const { newColumn, newIndex } = require("../../src/kernel/database/schema-diff/schema-options") as typeof import("../../src/kernel/database/schema-diff/schema-options");
  const { migrationSource } = require("../../src/kernel/database/schema-diff/migration-source") as typeof import("../../src/kernel/database/schema-diff/migration-source");
  const column = new TableColumn({ name: field.name, type: COLUMN_TYPES[field.type as keyof typeof COLUMN_TYPES], isNullable: true });
  const changes = [{ table: entity, up: { method: "addColumn", args: [entity, newColumn(column)] }, down: { method: "dropColumn", args: [entity, field.name] } }];
  if (field.index) {
    const name = new DefaultNamingStrategy().indexName(entity, [field.name]);
    const index = new TableIndex({ name, columnNames: [field.name] });
    changes.push({ table: entity, up: { method: "createIndex", args: [entity, newIndex(index)] }, down: { method: "dropIndex", args: [entity, name] } });
  }
  return migrationSource(className, changes);
}

/**
 * A custom field of a core entity: `customFields.<entity>.<name>` in kiosk.config.ts (a ts-morph
 * edit) and `src/migrations/<ts>-add-<entity>-<name>.ts` adding its column (nullable) and index.
 * The config's table is the entity's name (custom field names are the tables').
 */
const fieldGenerator: Generator<FieldInput> = {
  parse([entity, field], _options, context) {
    const known = customizableEntities();
    if (!entity || !known.includes(entity)) {
      throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `"${entity ?? ""}" takes no custom fields (one of ${known.join(", ")})`);
    }
    // `kiosk destroy field product brand`: the type is read back from the config.
    if (context.mode === "destroy" && field && !field.includes(":")) {
      const declared = declaredField(context.projectDir, configFile(context.projectDir), entity, field);
      if (!declared) throw new GeneratorInputError("KIOSK_GENERATE_ARGS", `kiosk.config declares no customFields.${entity}.${field}`);
      return { entity, field: declared };
    }
    return { entity, field: parseFieldSpec(field) };
  },
  plan(input, context) {
    const stem = `add-${input.entity}-${input.field.name}`.replace(/_/g, "-");
    const timestamp = migrationTimestamp(context, stem);
    const files = [];
    if (timestamp !== undefined) {
      const { fileName, className } = migrationName(stem, timestamp);
      files.push({ path: `${MIGRATIONS_DIR}/${fileName}`, contents: migrationSourceFor(className, input) });
    }
    return {
      files,
      edits: [addCustomFieldToConfig(configFile(context.projectDir), input.entity, input.field.name, definitionText(input.field))],
      notes: context.mode === "generate" ? ["run `kiosk migrate` to add the column"] : [],
    };
  },
};

export default fieldGenerator;
