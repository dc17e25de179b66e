import { Column, getMetadataArgsStorage, Index, type ColumnOptions } from "typeorm";
import { KioskStartupError } from "../errors";
import { safeIntegerTransformer } from "../database/money-column";
import { customizableEntity, customizableNames } from "./customizable";
import type { CustomFieldDefinition, CustomFieldsConfig } from "./field-definition";
import { setActiveCustomFields } from "./active-fields";

/** The column type each field type is stored as (the portable vocabulary of migrations). */
export const COLUMN_TYPES: Record<CustomFieldDefinition["type"], string> = {
  string: "varchar",
  text: "text",
  int: "integer",
  bigint: "bigint",
  float: "real",
  boolean: "boolean",
  datetime: "datetime",
  json: "jsonb",
  enum: "varchar",
};

/** The TypeORM column options of a field. */
export function columnOptions(field: CustomFieldDefinition): ColumnOptions {
  const options: ColumnOptions = { type: COLUMN_TYPES[field.type] as ColumnOptions["type"], nullable: field.nullable ?? true };
  if (field.type === "string" && field.length) options.length = field.length;
  if (field.default !== undefined) options.default = field.default;
  if (field.type === "bigint") options.transformer = safeIntegerTransformer;
  return options;
}

/** The metadata args this process added last time, removed before adding again (a second boot in one process). */
let added: { columns: object[]; indices: object[] } = { columns: [], indices: [] };

function removeAdded(): void {
  const storage = getMetadataArgsStorage();
  const drop = <T>(list: T[], items: object[]) => {
    for (const item of items) {
      const at = list.indexOf(item as T);
      if (at !== -1) list.splice(at, 1);
    }
  };
  drop(storage.columns, added.columns);
  drop(storage.indices, added.indices);
  added = { columns: [], indices: [] };
}

/** Property names the class (and its parents) already map: columns and relations. */
function coreProperties(target: Function): Set<string> {
  const storage = getMetadataArgsStorage();
  const chain: Function[] = [];
  for (let t: any = target; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) chain.push(t);
  const names = new Set<string>();
  for (const c of storage.columns) if (chain.includes(c.target as Function)) names.add(c.propertyName).add(c.options.name ?? c.propertyName);
  for (const r of storage.relations) if (chain.includes(r.target as Function)) names.add(r.propertyName);
  for (const j of storage.joinColumns) if (chain.includes(j.target as Function)) j.name && names.add(j.name);
  return names;
}

/**
 * Adds the config's custom fields to the entities' TypeORM metadata as plain columns (and
 * indexes), before the DataSource is built: the entity, its repositories, JsonBatch reads and
 * the schema diff then see them like any core column. An unknown entity, or a field that names
 * a core column, stops start-up naming its config key.
 */
export function applyCustomFields(config: CustomFieldsConfig | undefined, file = "kiosk.config"): void {
  removeAdded();
  const fields = config ?? {};
  for (const [entity, entityFields] of Object.entries(fields)) {
    const target = customizableEntity(entity);
    if (!target) {
      throw new KioskStartupError(
        "KIOSK_CONFIG_INVALID",
        `${file}: invalid value at "customFields.${entity}": no entity takes custom fields under that name (known: ${customizableNames().join(", ")})`,
      );
    }
    const taken = coreProperties(target);
    for (const name of Object.keys(entityFields)) {
      if (taken.has(name)) {
        throw new KioskStartupError(
          "KIOSK_CONFIG_INVALID",
          `${file}: invalid value at "customFields.${entity}.${name}": ${entity} already has a column or relation named ${name}`,
        );
      }
    }
  }
  const storage = getMetadataArgsStorage();
  for (const [entity, entityFields] of Object.entries(fields)) {
    const target = customizableEntity(entity)!;
    for (const [name, field] of Object.entries(entityFields)) {
      const columnsBefore = storage.columns.length;
      Column(columnOptions(field))(target.prototype, name);
      added.columns.push(...storage.columns.slice(columnsBefore));
      if (field.index) {
        const indicesBefore = storage.indices.length;
        Index()(target.prototype, name);
        added.indices.push(...storage.indices.slice(indicesBefore));
      }
    }
  }
  setActiveCustomFields(fields);
}
