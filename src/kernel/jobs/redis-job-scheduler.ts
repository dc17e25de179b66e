import { Queue, Worker, type Job } from "bullmq";
import type { Logger } from "pino";
import { closeWorker, type RedisConnections } from "../events/redis-connections";
import type { JobDefinition } from "../loaders/load-jobs";
import { runJob, type ContainerSource, type JobScheduler } from "./job-scheduler";

/** The BullMQ queue of scheduled jobs (under the project's prefix). */
export const JOBS_QUEUE = "jobs";

interface ScheduledJobData {
  job: string;
}

/** BullMQ builds `repeat:<schedulerId>:<millis>` job ids and refuses a `:` of ours in them. */
function schedulerId(name: string): string {
  return encodeURIComponent(name);
}

/**
 * Scheduled jobs on Redis: one BullMQ job scheduler per job (upserted by every
 * process at boot, so they all agree), whose tick jobs have one id per fire time,
 * so each tick runs once, on whichever process's Worker takes it. Schedulers of
 * jobs that no longer exist are removed. If Redis is down at boot, registering is
 * retried every 2 s.
 */
export class RedisJobScheduler implements JobScheduler {
  private readonly queue: Queue<ScheduledJobData>;
  private worker?: Worker<ScheduledJobData>;
  private jobs = new Map<string, JobDefinition>();
  /** Ticks running in this process. */
  private readonly running = new Set<Promise<unknown>>();
  private retryTimer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private closed = false;

  constructor(
    private readonly redis: RedisConnections,
    private readonly container: ContainerSource,
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue<ScheduledJobData>(JOBS_QUEUE, redis.queueOptions());
    this.queue.on("error", (err) => redis.connectionError("jobs queue", err));
  }

  async setJobs(jobs: JobDefinition[]): Promise<void> {
    this.jobs = new Map(jobs.map((j) => [j.config.name, j]));
    if (jobs.length && !this.worker) this.worker = this.startWorker();
    await this.syncing;
    this.syncing = this.sync();
    await this.syncing;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.syncing;
    if (this.worker) await closeWorker(this.worker, this.running, this.redis);
    await this.queue.close();
  }

  /** Makes the job schedulers in Redis match `this.jobs`; on failure, tries again in 2 s. */
  private async sync(): Promise<void> {
    clearTimeout(this.retryTimer);
    if (this.closed) return;
    try {
      this.redis.assertReady();
      const wanted = new Set<string>();
      for (const job of this.jobs.values()) {
        const id = schedulerId(job.config.name);
        wanted.add(id);
        await this.queue.upsertJobScheduler(
          id,
          { pattern: job.config.schedule, tz: job.config.timezone ?? "UTC" },
          {
            name: job.config.name,
            data: { job: job.config.name },
            opts: {
              attempts: 1,
              removeOnComplete: { age: 3600, count: 1000 },
              removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
            },
          },
        );
      }
      for (const scheduler of await this.queue.getJobSchedulers()) {
        if (!wanted.has(scheduler.key)) await this.queue.removeJobScheduler(scheduler.key);
      }
    } catch (err) {
      this.logger.warn({ err }, "could not register scheduled jobs in Redis; retrying in 2 s");
      this.retryTimer = setTimeout(() => {
        this.syncing = this.sync();
      }, 2000);
    }
  }

  private startWorker(): Worker<ScheduledJobData> {
    const worker = new Worker<ScheduledJobData>(JOBS_QUEUE, (job) => this.run(job), {
      ...this.redis.workerOptions("jobs worker"),
      concurrency: this.concurrency,
    });
    worker.on("error", (err) => this.redis.connectionError("jobs worker", err));
    return worker;
  }

  private async run(job: Job<ScheduledJobData>): Promise<void> {
    const definition = this.jobs.get(job.data.job);
    if (!definition) {
      this.logger.warn({ job: job.data.job }, `scheduled job ${job.data.job} is not loaded in this process; skipped`);
      return;
    }
    // `prevMillis` is the fire time the scheduler computed for this tick.
    const scheduledAt = new Date(job.opts.prevMillis ?? job.timestamp);
    const run = runJob(definition, this.container(), scheduledAt, this.logger);
    this.running.add(run);
    try {
      await run;
    } finally {
      this.running.delete(run);
    }
  }
}
