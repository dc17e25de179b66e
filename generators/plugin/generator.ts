import fs from "node:fs";
import path from "node:path";
import { addPluginToConfig } from "../core/edits/add-plugin-to-config";
import type { Names } from "../core/naming";
import { kioskVersion } from "../core/package-root";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { validateName } from "../core/validate-name";

/** The project's config file: kiosk.config.ts, or kiosk.config.js when only that exists. */
function configFile(projectDir: string): string {
  const js = "kiosk.config.js";
  return !fs.existsSync(path.join(projectDir, "kiosk.config.ts")) && fs.existsSync(path.join(projectDir, js)) ? js : "kiosk.config.ts";
}

/**
 * A plugin: a package in `plugins/<kebab>/` laid out like a project (its own
 * package.json, tsconfig, build and test; a service and a store route in src/),
 * and `{ resolve: "./plugins/<kebab>" }` in kiosk.config.ts's `plugins`.
 */
const pluginGenerator: Generator<Names> = {
  parse([name]) {
    // Its service is `<name>Service`: a core name would replace a core service.
    return validateName(name, { what: "plugin", notCore: true });
  },
  plan(names, context) {
    const dir = `plugins/${names.kebab}`;
    const data = { names, kioskVersion: kioskVersion() };
    const file = (path: string, template: string) => ({ path: `${dir}/${path}`, contents: render("plugin", template, data) });
    return {
      files: [
        file("package.json", "package.json"),
        file("tsconfig.json", "tsconfig.json"),
        file(".gitignore", "gitignore"),
        file("README.md", "README.md"),
        file(`src/services/${names.kebab}.ts`, "service.ts"),
        file(`src/api/store/${names.kebab}/route.ts`, "store-route.ts"),
        file(`test/${names.kebab}.test.ts`, "plugin.test.ts"),
      ],
      edits: [addPluginToConfig(configFile(context.projectDir), `./${dir}`)],
      root: dir,
    };
  },
};

export default pluginGenerator;
