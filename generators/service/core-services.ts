import fs from "node:fs";
import path from "node:path";
import { packageRoot } from "../core/package-root";

let cached: Set<string> | undefined;

/**
 * The file names (kebab) of the core modules' services, read from the package's
 * `modules/*\/services` folders in the build and in the source (nothing imported):
 * a project file of the same name overrides that service.
 */
export function coreServiceNames(): Set<string> {
  if (cached) return cached;
  const names = new Set<string>();
  for (const base of [path.join(packageRoot(), "dist", "src"), path.join(packageRoot(), "src")]) {
    const modules = path.join(base, "modules");
    if (!fs.existsSync(modules)) continue;
    for (const module of fs.readdirSync(modules)) {
      const services = path.join(modules, module, "services");
      if (!fs.existsSync(services)) continue;
      for (const file of fs.readdirSync(services)) {
        if (/\.(js|ts)$/.test(file) && !/\.d\.ts$/.test(file)) names.add(file.replace(/\.(js|ts)$/, ""));
      }
    }
  }
  return (cached = names);
}
