import { existsSync, watch } from "node:fs";
import path from "node:path";

/** Files at the project's root whose change restarts the server. */
const ROOT_FILES = new Set(["kiosk.config.ts", ".env"]);

/**
 * Watches what `kiosk develop` serves: `src/` (node's own recursive watcher: no
 * per-file throttle, so a second save 10 ms after the first is never lost) and
 * `kiosk.config.ts` and `.env` beside it. Set up synchronously: whatever is
 * written after this returns is reported, whatever was written before is on
 * disk for the boot that follows. Returns the function that stops watching.
 */
export function watchProject(dir: string, onChange: (file: string) => void): () => void {
  const report = (file: string) => {
    if (!/(\.d\.ts|~|\.swp|\.swx|\.tmp)$/.test(file)) onChange(file);
  };
  const src = path.join(dir, "src");
  const watchers = [watch(dir, (_event, f) => f && ROOT_FILES.has(String(f)) && report(path.join(dir, String(f))))];
  if (existsSync(src)) watchers.push(watch(src, { recursive: true }, (_event, f) => f && report(path.join(src, String(f)))));
  return () => watchers.forEach((w) => w.close());
}

/** Model, migration, loader, config and `.env` changes restart the worker; everything else reloads in-process. */
export function needsRestart(dir: string, file: string): boolean {
  const rel = path.relative(dir, file).split(path.sep);
  return rel[0] !== "src" || ["models", "migrations", "loaders"].includes(rel[1]);
}
