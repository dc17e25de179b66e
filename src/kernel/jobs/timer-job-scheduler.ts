import type { Logger } from "pino";
import type { JobConfig, JobDefinition } from "../loaders/load-jobs";
import { runJob, type ContainerSource, type JobScheduler } from "./job-scheduler";

/** setTimeout's longest delay (~24.8 days); longer waits are chained. */
const MAX_DELAY = 2 ** 31 - 1;

/** The first fire time of `config.schedule` strictly after `after`. */
export function nextFireTime(config: JobConfig, after: Date): Date {
  // Required here, not at the top: a project without jobs never loads cron-parser.
  const { CronExpressionParser } = require("cron-parser") as typeof import("cron-parser");
  return CronExpressionParser.parse(config.schedule, { currentDate: after, tz: config.timezone ?? "UTC" })
    .next()
    .toDate();
}

/**
 * The scheduler without Redis: one timer per job in this process. Separate
 * processes each run every tick; the workers of `kiosk start --cluster N` run
 * them in one worker, chosen by the primary (`setActive`). A tick that comes
 * while the previous run of the same job is still going is skipped, with a warning;
 * ticks missed while the event loop was blocked are not caught up.
 */
export class TimerJobScheduler implements JobScheduler {
  private timers = new Set<NodeJS.Timeout>();
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private generation = 0;
  private jobs: JobDefinition[] = [];

  constructor(
    private readonly container: ContainerSource,
    private readonly logger: Logger,
    /** False in a cluster worker that waits to be chosen to run the jobs (see `setActive`). */
    private active = true,
  ) {}

  async setJobs(jobs: JobDefinition[]): Promise<void> {
    this.jobs = jobs;
    this.armAll();
  }

  /**
   * Starts (or stops) running the jobs in this process. Without Redis the timers of
   * `kiosk start --cluster N` run in one worker only: the others stand by until the
   * primary chooses one of them, when the one running them dies.
   */
  setActive(active: boolean): void {
    this.active = active;
    this.armAll();
  }

  /** How many jobs this scheduler holds. */
  get size(): number {
    return this.jobs.length;
  }

  private armAll(): void {
    this.clear();
    if (!this.active) return;
    const generation = this.generation;
    for (const job of this.jobs) this.arm(job, nextFireTime(job.config, new Date()), generation);
  }

  async close(): Promise<void> {
    this.clear();
    while (this.running.size) await Promise.all([...this.running]);
  }

  private clear(): void {
    this.generation++;
    for (const t of this.timers) clearTimeout(t);
    this.timers = new Set();
  }

  private arm(job: JobDefinition, tick: Date, generation: number): void {
    const wait = tick.getTime() - Date.now();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (generation !== this.generation) return;
      if (wait > MAX_DELAY) return this.arm(job, tick, generation);
      this.fire(job, tick, generation);
    }, Math.min(Math.max(wait, 0), MAX_DELAY));
    timer.unref();
    this.timers.add(timer);
  }

  private fire(job: JobDefinition, tick: Date, generation: number): void {
    // Next tick after this one, or after now if this one came late.
    this.arm(job, nextFireTime(job.config, new Date(Math.max(tick.getTime(), Date.now()))), generation);
    const { name } = job.config;
    if (this.busy.has(name)) {
      this.logger.warn({ job: name, scheduledAt: tick }, `job ${name} is still running; skipping the tick of ${tick.toISOString()}`);
      return;
    }
    this.busy.add(name);
    const run = runJob(job, this.container(), tick, this.logger)
      .catch(() => undefined) // logged by runJob; a failing job never takes the server down
      .finally(() => this.busy.delete(name));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }
}
