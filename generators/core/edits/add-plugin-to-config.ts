import type {
  ArrayLiteralExpression,
  CallExpression,
  Node,
  ObjectLiteralExpression,
  PropertyAssignment,
  SourceFile,
  StringLiteral,
} from "ts-morph";
import { EditConflict, EditError } from "../errors";
import type { PlannedEdit } from "../plan";
import { appendListItem, removeListItem } from "./list-items";

const normalise = (resolve: string) => resolve.replace(/^\.\//, "").replace(/\/+$/, "");

/** The object literal of `export default defineConfig({ … })`, `export default { … }`, or of a const exported by default. */
export function configObject(file: SourceFile): ObjectLiteralExpression | undefined {
  let expression: Node | undefined = file.getExportAssignment((e) => !e.isExportEquals())?.getExpression();
  if (expression?.getKindName() === "Identifier") {
    expression = file.getVariableDeclaration(expression.getText())?.getInitializer();
  }
  if (expression?.getKindName() === "CallExpression") {
    expression = (expression as CallExpression).getArguments()[0];
  }
  return expression?.getKindName() === "ObjectLiteralExpression" ? (expression as ObjectLiteralExpression) : undefined;
}

/** The initializer of `name: …` in an object literal, when it is a plain property assignment. */
export function initializer(object: ObjectLiteralExpression, name: string): Node | undefined {
  const property = object.getProperty(name);
  return property?.getKindName() === "PropertyAssignment" ? (property as PropertyAssignment).getInitializer() : undefined;
}

/** Whether a `plugins` element is `"<resolve>"` or `{ resolve: "<resolve>", … }`. */
function isEntryFor(element: Node, resolve: string): boolean {
  const value = element.getKindName() === "ObjectLiteralExpression" ? initializer(element as ObjectLiteralExpression, "resolve") : element;
  return value?.getKindName() === "StringLiteral" && normalise((value as StringLiteral).getLiteralValue()) === normalise(resolve);
}

/** The `plugins: [ … ]` array of the config object, its elements and which of them is `resolve`. */
function pluginsArray(object: ObjectLiteralExpression, resolve: string) {
  const property = object.getProperty("plugins");
  if (!property) return undefined;
  const value = initializer(object, "plugins");
  if (value?.getKindName() !== "ArrayLiteralExpression") return { property, array: undefined, elements: [], index: -1 };
  const elements = (value as ArrayLiteralExpression).getElements();
  return { property, array: value, elements, index: elements.findIndex((e) => isEntryFor(e, resolve)) };
}

/** Removes `plugins[index]`, and the `plugins` property with it when it was the last entry. */
function removeEntry(file: SourceFile, object: ObjectLiteralExpression, plugins: NonNullable<ReturnType<typeof pluginsArray>>): void {
  if (plugins.elements.length > 1) {
    removeListItem(file, plugins.array!, plugins.elements, plugins.index);
  } else {
    const properties = object.getProperties();
    removeListItem(file, object, properties, properties.indexOf(plugins.property));
  }
}

/**
 * Adds `{ resolve: "./plugins/<name>" }` (or `entry`, the source text of another
 * element for the same plugin: `"kiosk-plugin-x"`, `{ resolve, options }`) to the
 * `plugins` array of `kiosk.config.ts` (creating the array when there is none);
 * destroy removes that entry again, and the array with it when it was the last one.
 * A plugin already listed, in any form, is left as it is.
 */
export function addPluginToConfig(configPath: string, resolve: string, entry = `{ resolve: ${JSON.stringify(resolve)} }`): PlannedEdit {
  const expected = "`export default defineConfig({ … })`";
  return {
    path: configPath,
    summary: `add ${entry} to the plugins`,
    apply(file) {
      const object = configObject(file);
      if (!object) throw new EditError(configPath, `expected ${expected}; add ${entry} to its plugins by hand`);
      const plugins = pluginsArray(object, resolve);
      if (!plugins) {
        appendListItem(file, object, object.getProperties(), `plugins: [${entry}]`);
      } else if (!plugins.array) {
        throw new EditError(configPath, `expected plugins to be an array literal; add ${entry} to it by hand`);
      } else if (plugins.index < 0) {
        appendListItem(file, plugins.array, plugins.elements, entry);
      }
    },
    revert(file) {
      const object = configObject(file);
      if (!object) throw new EditConflict(`no longer has ${expected}`);
      const plugins = pluginsArray(object, resolve);
      if (!plugins?.array || plugins.index < 0) return;
      const element = plugins.elements[plugins.index];
      if (element.getText() !== entry) {
        throw new EditConflict(`its plugins entry for ${resolve} was changed since it was generated: ${element.getText()}`);
      }
      removeEntry(file, object, plugins);
    },
  };
}

/**
 * Removes the entry for `resolve` from the `plugins` array, whatever its form
 * (`kiosk plugin remove`); nothing to do when it is not listed.
 */
export function removePluginFromConfig(configPath: string, resolve: string): PlannedEdit {
  const expected = "`export default defineConfig({ … })`";
  return {
    path: configPath,
    summary: `remove ${resolve} from the plugins`,
    apply(file) {
      const object = configObject(file);
      if (!object) throw new EditError(configPath, `expected ${expected}; remove ${resolve} from its plugins by hand`);
      const plugins = pluginsArray(object, resolve);
      if (plugins && !plugins.array) throw new EditError(configPath, `expected plugins to be an array literal; remove ${resolve} from it by hand`);
      if (plugins && plugins.index >= 0) removeEntry(file, object, plugins);
    },
    revert() {
      throw new EditError(configPath, `removing ${resolve} cannot be undone`);
    },
  };
}
