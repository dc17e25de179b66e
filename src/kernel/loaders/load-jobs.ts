import path from "node:path";
import type { KioskContainer } from "../container/kiosk-services";
import { listFiles } from "./discover-files";
import { importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/** A scheduled job file's `config` export. */
export interface JobConfig {
  /** Unique in the project: it names the schedule in Redis. */
  name: string;
  /** A cron expression: 5 fields, or 6 with seconds first (`* * * * * *` = every second). */
  schedule: string;
  /** IANA time zone the schedule is read in (default UTC, the same in every process). */
  timezone?: string;
}

/** What a job file's default export receives. */
export interface JobArgs {
  container: KioskContainer;
  /** The job's name. */
  name: string;
  /** The tick this run is for (the schedule's fire time, not when the run started). */
  scheduledAt: Date;
}

/** A job file, checked. */
export interface JobDefinition {
  file: string;
  config: JobConfig;
  handler: (args: JobArgs) => unknown;
}

/**
 * Jobs from `<root>/jobs/*`: default export a function, `config = { name, schedule }`.
 * The schedule must parse as a cron expression and names must be unique.
 */
export function loadJobs(roots: ResourceRoot[], exts: string[]): JobDefinition[] {
  const jobs: JobDefinition[] = [];
  const byName = new Map<string, string>();
  for (const root of roots) {
    for (const file of listFiles(path.join(root.dir, "jobs"), exts)) {
      const mod = importResource(file);
      const config = mod.config as JobConfig | undefined;
      if (typeof mod.default !== "function") throw shapeError(file, "a default export that is a function");
      if (typeof config?.name !== "string" || !config.name || typeof config?.schedule !== "string" || !config.schedule.trim()) {
        throw shapeError(file, 'export const config = { name: string, schedule: "<cron>" }');
      }
      if (config.timezone !== undefined && (typeof config.timezone !== "string" || !config.timezone)) {
        throw shapeError(file, 'config.timezone to be an IANA time zone such as "Europe/Paris"');
      }
      const invalid = cronError(config.schedule, config.timezone);
      if (invalid) throw shapeError(file, `config.schedule to be a cron expression ("${config.schedule}": ${invalid})`);
      const other = byName.get(config.name);
      if (other) throw shapeError(file, `a job name of its own ("${config.name}" is also the name of ${other})`);
      byName.set(config.name, file);
      jobs.push({ file, config, handler: mod.default });
    }
  }
  return jobs;
}

/** Why a cron expression does not parse, or undefined when it does. */
function cronError(schedule: string, timezone = "UTC"): string | undefined {
  const { CronExpressionParser } = require("cron-parser") as typeof import("cron-parser");
  try {
    CronExpressionParser.parse(schedule, { tz: timezone }).next();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
