import fs from "node:fs";
import path from "node:path";
import { packageRoot } from "./package-root";

/** Core tables every build has, even before their modules exist (the list). */
const KNOWN = [
  "user",
  "region",
  "currency",
  "product",
  "product_variant",
  "customer",
  "address",
  "money_amount",
  "image",
  "product_collection",
  "product_tag",
  "product_category",
];

function modelFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(js|ts)$/.test(f) && !/\.d\.ts$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Model folders of the kernel and of every core module, in the build and in the source. */
function coreModelDirs(base: string): string[] {
  const modules = path.join(base, "modules");
  const names = fs.existsSync(modules) ? fs.readdirSync(modules) : [];
  return [path.join(base, "kernel", "schema", "models"), ...names.map((m) => path.join(modules, m, "models"))];
}

let cached: Set<string> | undefined;

/**
 * The table names the kernel and the core modules own, read from the `@Entity("…")`
 * calls of their model files (text only: nothing is imported, so this stays fast).
 */
export function coreTables(): Set<string> {
  if (cached) return cached;
  const root = packageRoot();
  const tables = new Set(KNOWN);
  for (const base of [path.join(root, "dist", "src"), path.join(root, "src")]) {
    for (const file of coreModelDirs(base).flatMap(modelFiles)) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/Entity\)?\(\s*["'](\w+)["']/g)) tables.add(m[1]);
    }
  }
  return (cached = tables);
}
