import fs from "node:fs";
import path from "node:path";

let root: string | undefined;

/**
 * The Kiosk package's own folder (where `package.json`, `templates/` and `dist/`
 * are), found from this file whether it runs from `generators/` or `dist/generators/`.
 */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "templates")) && fs.existsSync(path.join(dir, "package.json"))) return (root = dir);
    if (path.dirname(dir) === dir) throw new Error(`no Kiosk package (templates/ and package.json) above ${__dirname}`);
  }
}

/** The version of this Kiosk package, for the `kiosk` dependency of generated packages. */
export function kioskVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}
