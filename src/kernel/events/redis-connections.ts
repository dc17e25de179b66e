import os from "node:os";
import type { QueueOptions, Worker, WorkerOptions } from "bullmq";
import IORedis from "ioredis";
import type { Logger } from "pino";

/** Reconnect quickly after an outage, but never hammer Redis more than every 2 s. */
const retryStrategy = (times: number) => Math.min(times * 200, 2000);

/** Thrown by `assertReady` when the publishing connection is down: the event stays in the outbox. */
export class RedisUnavailableError extends Error {
  readonly code = "KIOSK_REDIS_UNAVAILABLE";
  constructor(status: string) {
    super(`Redis is not reachable (connection ${status})`);
    this.name = "RedisUnavailableError";
  }
}

/**
 * The Redis side of one kernel: the key prefix shared by every process of the
 * project, and one publishing connection used by the event and job queues.
 *
 * The publishing connection fails fast (no offline queue, a command timeout), so
 * a down or hung Redis turns a publish into an error within `commandTimeout`
 * instead of a request or a shutdown that hangs. Workers get their own blocking
 * connections (see `workerOptions`) that retry forever.
 */
export class RedisConnections {
  readonly producer: IORedis;
  private down = false;

  constructor(
    readonly url: string,
    readonly prefix: string,
    commandTimeout: number,
    /** How long a running job stays locked to a process; see `redis.lockDuration`. */
    readonly lockDuration: number,
    readonly logger: Logger,
  ) {
    this.producer = new IORedis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout,
      connectTimeout: commandTimeout,
      retryStrategy,
      connectionName: `kiosk:${os.hostname()}:${process.pid}:publisher`,
    });
    this.producer.on("error", (err) => this.connectionError("publisher", err));
    this.producer.on("ready", () => this.working());
  }

  /** Called when Redis answered: the next error is logged at warn level again. */
  working(): void {
    if (this.down) this.logger.info({ redis: redactUrl(this.url) }, "Redis is reachable again");
    this.down = false;
  }

  /** Options of a BullMQ Queue on the publishing connection. */
  queueOptions(): QueueOptions {
    return {
      connection: this.producer,
      prefix: this.prefix,
      // BullMQ's version check sends INFO when the queue opens; if that one command
      // timed out (a busy event loop at boot), the queue would stay broken for good.
      // The Workers' own connections still check the version.
      skipVersionCheck: true,
    };
  }

  /** Options shared by every BullMQ Worker of this kernel: its own (blocking) connection, prefix and locks. */
  workerOptions(role: string): WorkerOptions {
    return {
      connection: { url: this.url, retryStrategy, connectionName: `kiosk:${os.hostname()}:${process.pid}:${role}` },
      prefix: this.prefix,
      name: `${os.hostname()}:${process.pid}`,
      lockDuration: this.lockDuration,
      // Jobs of a process that died are taken back after about one lock duration.
      stalledInterval: this.lockDuration,
      // BullMQ waits this long after a lost connection before polling again (15 s by default).
      runRetryDelay: 1000,
    };
  }

  /** Resolves true once the publishing connection is ready, or false after `ms` (boot goes on without Redis). */
  waitUntilReady(ms: number): Promise<boolean> {
    if (this.producer.status === "ready") return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        this.producer.off("ready", onReady);
        resolve(ready);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.producer.on("ready", onReady);
    });
  }

  /** Throws at once when the publishing connection is not ready, rather than queueing the command. */
  assertReady(): void {
    if (this.producer.status !== "ready") throw new RedisUnavailableError(this.producer.status);
  }

  /** Logs the first error of an outage at warn level, the rest (ioredis retries every ≤2 s) at debug. */
  connectionError(role: string, err: Error): void {
    const first = !this.down;
    this.down = true;
    this.logger[first ? "warn" : "debug"]({ err: err.message, redis: redactUrl(this.url), role }, "Redis connection error");
  }

  async close(): Promise<void> {
    if (this.producer.status === "ready") await this.producer.quit().catch(() => this.producer.disconnect());
    else this.producer.disconnect();
  }
}

/** Resolves true if `work` settles within `ms`, false otherwise (it keeps running). */
export function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const done = work.then(
    () => true,
    () => true,
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

/**
 * Closes a BullMQ Worker after the jobs it is running in this process finish.
 * BullMQ's graceful close waits for the Worker's connection, which never comes
 * while Redis is unreachable, so then the Worker is closed by force once its
 * jobs (`running`) are done; every wait is bounded by `ms`.
 */
export async function closeWorker(
  worker: Worker,
  running: Set<Promise<unknown>>,
  redis: RedisConnections,
  ms = 10_000,
): Promise<void> {
  const graceful = redis.producer.status === "ready";
  if (!graceful) await settlesWithin(Promise.allSettled([...running]), ms);
  if (!(await settlesWithin(worker.close(!graceful), ms))) {
    redis.logger.warn({ queue: worker.name }, `the ${worker.name} worker did not stop within ${ms / 1000} s; leaving it`);
  }
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "redis://…";
  }
}

/**
 * A BullMQ custom job id for (event, subscriber). BullMQ refuses `:` in custom ids
 * and subscriber ids contain one (`project:note-created`), so the subscriber id is
 * URI-encoded: the mapping stays deterministic and one-to-one.
 */
export function eventJobId(eventId: string, subscriberId: string): string {
  return `${eventId}@${encodeURIComponent(subscriberId)}`;
}
