import fs from "node:fs";
import path from "node:path";
import { packageRoot } from "../core/package-root";

let cached: string[] | undefined;

/**
 * The names core entities take custom fields under, read from the `@Customizable("…")` calls of
 * the core modules' model files (text only, as `coreTables` reads `@Entity`).
 */
export function customizableEntities(): string[] {
  if (cached) return cached;
  const names = new Set<string>();
  for (const base of [path.join(packageRoot(), "dist", "src", "modules"), path.join(packageRoot(), "src", "modules")]) {
    if (!fs.existsSync(base)) continue;
    for (const module of fs.readdirSync(base)) {
      const models = path.join(base, module, "models");
      if (!fs.existsSync(models)) continue;
      for (const file of fs.readdirSync(models).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith(".d.ts"))) {
        for (const m of fs.readFileSync(path.join(models, file), "utf8").matchAll(/Customizable\)?\(\s*["'](\w+)["']/g)) names.add(m[1]);
      }
    }
  }
  return (cached = [...names].sort());
}
