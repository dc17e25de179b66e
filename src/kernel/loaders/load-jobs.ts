import path from "node:path";
import { listFiles } from "./discover-files";
import { importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/** A scheduled job file's `config` export. */
export interface JobConfig {
  name: string;
  /** A cron expression. */
  schedule: string;
}

/** A job file, checked. */
export interface JobDefinition {
  file: string;
  config: JobConfig;
  handler: (args: { container: unknown }) => unknown;
}

/** Jobs from `<root>/jobs/*`: default export a function, `config = { name, schedule }`. */
export function loadJobs(roots: ResourceRoot[], exts: string[]): JobDefinition[] {
  const jobs: JobDefinition[] = [];
  for (const root of roots) {
    for (const file of listFiles(path.join(root.dir, "jobs"), exts)) {
      const mod = importResource(file);
      const config = mod.config as JobConfig | undefined;
      if (typeof mod.default !== "function") throw shapeError(file, "a default export that is a function");
      if (typeof config?.name !== "string" || typeof config?.schedule !== "string" || !config.schedule.trim()) {
        throw shapeError(file, 'export const config = { name: string, schedule: "<cron>" }');
      }
      jobs.push({ file, config, handler: mod.default });
    }
  }
  return jobs;
}
