import fs from "node:fs";
import path from "node:path";

/** A folder laid out like a project (models, migrations, services, api, subscribers, jobs, loaders). */
export interface ResourceRoot {
  /** `kiosk`, `kiosk:product`, `plugin:<name>`, or `project`. */
  name: string;
  dir: string;
  /** Plugin options, passed to its services and loaders. */
  options?: Record<string, unknown>;
}

/** The kernel's own resources (the outbox table), then each core module in `src/modules/`. */
export function coreRoots(): ResourceRoot[] {
  const srcDir = path.resolve(__dirname, "..", "..");
  const modulesDir = path.join(srcDir, "modules");
  const modules = fs.existsSync(modulesDir)
    ? fs
        .readdirSync(modulesDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return [
    { name: "kiosk", dir: path.join(srcDir, "kernel", "schema") },
    ...modules.map((m) => ({ name: `kiosk:${m}`, dir: path.join(modulesDir, m) })),
  ];
}
