import type { CustomFieldDefinition, CustomFieldsConfig } from "./field-definition";

let active: CustomFieldsConfig = {};

/** Set at boot by `applyCustomFields`, from the loaded config. */
export function setActiveCustomFields(config: CustomFieldsConfig): void {
  active = config;
}

/** The custom fields of an entity (by its `customFields` name), in config order. */
export function customFieldsOf(entity: string): [string, CustomFieldDefinition][] {
  return Object.entries(active[entity] ?? {});
}
