import fs from "node:fs";
import path from "node:path";
import { CliError } from "./cli-error";

/**
 * `kiosk start` serves `dist/` and nothing else. Without a build it would load
 * no config (no `.env` from it, no database URL) and serve the core alone on a
 * new SQLite file, so it refuses instead: no `dist/`, or a `kiosk.config.ts`
 * that was never built.
 */
export function assertBuilt(dir: string): void {
  const dist = path.join(dir, "dist");
  const missing =
    !fs.existsSync(dist) || (fs.existsSync(path.join(dir, "kiosk.config.ts")) && !fs.existsSync(path.join(dist, "kiosk.config.js")));
  if (missing) throw new CliError("KIOSK_NO_BUILD", "no build: run `kiosk build` first (kiosk start serves dist/)");
}
