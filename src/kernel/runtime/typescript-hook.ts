import { swcOptions } from "./swc-options";

let registered = false;

/**
 * Lets `require()` load the project's `.ts` files, compiled by SWC in memory as
 * CommonJS. CommonJS on purpose: its modules can be evicted from the require
 * cache, which is how `kiosk develop` reloads a route without a restart.
 * Files under node_modules are left alone. SWC is loaded only here, so a
 * production `kiosk start` never loads its native binding.
 */
export function registerTypeScript(): void {
  if (registered) return;
  registered = true;
  const { transformSync } = require("@swc/core") as typeof import("@swc/core");
  const { addHook } = require("pirates") as typeof import("pirates");
  process.setSourceMapsEnabled(true);
  addHook((code, filename) => transformSync(code, swcOptions(filename, "inline")).code, {
    exts: [".ts"],
    ignoreNodeModules: true,
  });
}
