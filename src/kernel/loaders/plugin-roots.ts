import fs from "node:fs";
import path from "node:path";
import type { PluginEntry } from "../config/define-config";
import { KioskStartupError } from "../errors";
import type { ResourceRoot } from "./resource-root";

/**
 * Resolves each configured plugin (a package name or a path relative to the
 * project) to a root: its `src/` when running TypeScript and it has one,
 * else its `dist/`, else the folder itself.
 */
export function pluginRoots(projectDir: string, plugins: PluginEntry[], typescript: boolean): ResourceRoot[] {
  return plugins.map((entry) => {
    const { resolve, options } = typeof entry === "string" ? { resolve: entry, options: {} } : entry;
    let dir: string;
    if (resolve.startsWith(".") || path.isAbsolute(resolve)) {
      dir = path.resolve(projectDir, resolve);
    } else {
      try {
        dir = path.dirname(require.resolve(`${resolve}/package.json`, { paths: [projectDir] }));
      } catch {
        throw new KioskStartupError("KIOSK_PLUGIN_NOT_FOUND", `plugin "${resolve}" is not installed in ${projectDir}`);
      }
    }
    if (!fs.existsSync(dir)) throw new KioskStartupError("KIOSK_PLUGIN_NOT_FOUND", `plugin "${resolve}": no folder at ${dir}`);
    const candidates = typescript ? ["src", "dist"] : ["dist"];
    const sub = candidates.map((c) => path.join(dir, c)).find((d) => fs.existsSync(d));
    return { name: `plugin:${resolve}`, dir: sub ?? dir, options: options ?? {} };
  });
}
