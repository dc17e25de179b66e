import fs from "node:fs";
import path from "node:path";

const SKIP = /(\.d\.ts|\.test\.[jt]s|\.spec\.[jt]s|\.map)$/;

/** The extensions a root's files may have: `.ts` too when the TypeScript hook is on. */
export function resourceExtensions(typescript: boolean): string[] {
  return typescript ? [".ts", ".js"] : [".js"];
}

function isResourceFile(name: string, exts: string[]): boolean {
  return exts.includes(path.extname(name)) && !SKIP.test(name);
}

/** Files directly in `<root>/<kind>/`, sorted, skipping tests and declarations. */
export function listFiles(dir: string, exts: string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && isResourceFile(e.name, exts))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Every `route.(ts|js)` below an api folder. */
export function listRouteFiles(apiDir: string, exts: string[]): string[] {
  if (!fs.existsSync(apiDir)) return [];
  return (fs.readdirSync(apiDir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && isResourceFile(e.name, exts) && /^route\.[jt]s$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** `<root>/<file>.ts` or `.js`, whichever exists first. */
export function findFile(dir: string, base: string, exts: string[]): string | undefined {
  return exts.map((ext) => path.join(dir, base + ext)).find((f) => fs.existsSync(f) && !SKIP.test(f));
}
