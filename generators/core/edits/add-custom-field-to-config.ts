import type { ObjectLiteralExpression, PropertyAssignment, SourceFile } from "ts-morph";
import { EditConflict, EditError } from "../errors";
import type { PlannedEdit } from "../plan";
import { configObject, initializer } from "./add-plugin-to-config";
import { appendListItem, removeListItem } from "./list-items";

const EXPECTED = "`export default defineConfig({ … })`";

/** The object literal under `key` of `object`, or undefined (absent); throws when it is something else. */
function objectAt(configPath: string, object: ObjectLiteralExpression, key: string, what: string): ObjectLiteralExpression | undefined {
  if (!object.getProperty(key)) return undefined;
  const value = initializer(object, key);
  if (value?.getKindName() !== "ObjectLiteralExpression") throw new EditError(configPath, `expected ${what} to be an object literal; edit it by hand`);
  return value as ObjectLiteralExpression;
}

/** Removes the property `key` of `object`. */
function removeProperty(file: SourceFile, object: ObjectLiteralExpression, key: string): void {
  const properties = object.getProperties();
  removeListItem(file, object, properties, properties.indexOf(object.getProperty(key)!));
}

/**
 * Adds `<field>: <definition>` under `customFields.<entity>` of `kiosk.config.ts`, creating
 * `customFields` and the entity's object when absent. A field already declared (in any form) is
 * left as it is. Destroy removes exactly that text, then the entity's object and `customFields`
 * when they are left empty.
 */
export function addCustomFieldToConfig(configPath: string, entity: string, field: string, definition: string): PlannedEdit {
  const entry = `${field}: ${definition}`;
  return {
    path: configPath,
    summary: `add ${entity}.${field} to the customFields`,
    apply(file) {
      const config = configObject(file);
      if (!config) throw new EditError(configPath, `expected ${EXPECTED}; add customFields.${entity}.${field} by hand`);
      const fields = objectAt(configPath, config, "customFields", "customFields");
      if (!fields) return appendListItem(file, config, config.getProperties(), `customFields: { ${entity}: { ${entry} } }`);
      const own = objectAt(configPath, fields, entity, `customFields.${entity}`);
      if (!own) return appendListItem(file, fields, fields.getProperties(), `${entity}: { ${entry} }`);
      if (!own.getProperty(field)) appendListItem(file, own, own.getProperties(), entry);
    },
    revert(file) {
      const config = configObject(file);
      if (!config) throw new EditConflict(`no longer has ${EXPECTED}`);
      const fields = objectAt(configPath, config, "customFields", "customFields");
      const own = fields && objectAt(configPath, fields, entity, `customFields.${entity}`);
      const property = own?.getProperty(field);
      if (!own || !property) return;
      const text = (property as PropertyAssignment).getText();
      if (text.replace(/\s+/g, " ") !== entry) throw new EditConflict(`customFields.${entity}.${field} was changed since it was generated: ${text}`);
      if (own.getProperties().length > 1) return removeProperty(file, own, field);
      if (fields!.getProperties().length > 1) return removeProperty(file, fields!, entity);
      removeProperty(file, config, "customFields");
    },
  };
}
