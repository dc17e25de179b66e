import type { AwilixContainer } from "awilix";
import type { Logger } from "pino";
import type { KioskContainer } from "../container/kiosk-services";
import type { JobDefinition } from "../loaders/load-jobs";

/**
 * Runs the project's scheduled jobs (`jobs/*`). Without Redis a timer in each
 * process; with Redis a BullMQ job scheduler, so a tick runs once across every
 * process. `setJobs` replaces the whole set (boot and each `develop` reload), so
 * a reload never leaves a second timer behind.
 */
export interface JobScheduler {
  setJobs(jobs: JobDefinition[]): Promise<void>;
  /** Stops scheduling and waits for runs under way. */
  close(): Promise<void>;
  /** In-process timers only: run the jobs in this process, or stand by (Redis runs each tick once anyway). */
  setActive?(active: boolean): void;
}

/** The container of the generation that is serving now, read at each run. */
export type ContainerSource = () => AwilixContainer;

/** Runs one tick of a job; a failure is logged with the job's name and file, then rethrown. */
export async function runJob(
  job: JobDefinition,
  container: AwilixContainer,
  scheduledAt: Date,
  logger: Logger,
): Promise<void> {
  const started = performance.now();
  const { name } = job.config;
  try {
    await job.handler({ container: container as KioskContainer, name, scheduledAt });
    logger.debug({ job: name, scheduledAt, ms: Math.round(performance.now() - started) }, `job ${name} done`);
  } catch (err) {
    logger.error({ err, job: name, file: job.file, scheduledAt }, `job ${name} failed`);
    throw err;
  }
}
