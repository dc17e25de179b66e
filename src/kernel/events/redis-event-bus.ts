import { Queue, Worker, type Job, type JobsOptions } from "bullmq";
import type { Logger } from "pino";
import type { EventBus, EventMessage, Subscription } from "./event-bus";
import { closeWorker, eventJobId, type RedisConnections } from "./redis-connections";

/** The BullMQ queue every subscriber job of a project goes through (under the project's prefix). */
export const EVENTS_QUEUE = "events";

/** What one subscriber job carries: the event, and which subscription of which subscriber runs it. */
export interface SubscriberJobData {
  subscriberId: string;
  /** The subscription's event name (the event's own name, or `*`). */
  on: string;
  event: EventMessage;
}

/** Settings of the Redis bus, from `redis.*` and `events.*` in the config. */
export interface RedisEventBusOptions {
  /** Subscriber jobs this process runs at once. */
  concurrency: number;
  /** Default attempts per subscriber. */
  attempts: number;
  /** Default first retry delay (ms), doubled at each attempt. */
  backoff: number;
  /** Seconds completed jobs are kept, so a second enqueue of the same (event, subscriber) is a no-op. */
  keepCompleted: number;
  /** Run a Worker in this process (servers); false for one-off commands, which only publish. */
  consume: boolean;
}

/**
 * The scale-out bus: each event becomes one BullMQ job per subscriber, with the
 * deterministic id `<eventId>@<subscriberId>`. Two processes (or a retry, or the
 * outbox sweeper) enqueuing the same outbox row therefore add one job, and every
 * process's Worker competes for it, so each subscriber runs once per event across
 * the cluster. Failures are retried with exponential backoff, then kept in the
 * queue's failed set and logged with the subscriber id and event.
 */
export class RedisEventBus implements EventBus {
  private byEvent = new Map<string, Subscription[]>();
  private bySubscriber = new Map<string, Subscription>();
  private readonly queue: Queue<SubscriberJobData>;
  private worker?: Worker<SubscriberJobData>;
  private readonly publishing = new Set<Promise<unknown>>();
  /** Subscriber jobs running in this process. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly redis: RedisConnections,
    private readonly options: RedisEventBusOptions,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue<SubscriberJobData>(EVENTS_QUEUE, redis.queueOptions());
    this.queue.on("error", (err) => redis.connectionError("events queue", err));
  }

  setSubscriptions(subscriptions: Subscription[]): void {
    const byEvent = new Map<string, Subscription[]>();
    const bySubscriber = new Map<string, Subscription>();
    for (const s of subscriptions) {
      byEvent.set(s.event, [...(byEvent.get(s.event) ?? []), s]);
      bySubscriber.set(subscriptionKey(s.subscriberId, s.event), s);
    }
    this.byEvent = byEvent;
    this.bySubscriber = bySubscriber;
    // The Worker starts once there is something to run, so a job never reaches
    // a process that has not loaded its subscribers yet.
    if (this.options.consume && !this.worker) this.worker = this.startWorker();
  }

  hasSubscribers(name: string): boolean {
    return this.byEvent.has(name) || this.byEvent.has("*");
  }

  async publish(messages: EventMessage[]): Promise<void> {
    const jobs: { name: string; data: SubscriberJobData; opts: JobsOptions }[] = [];
    for (const event of messages) {
      const targets = [...(this.byEvent.get(event.name) ?? []), ...(this.byEvent.get("*") ?? [])];
      for (const s of targets) {
        jobs.push({
          name: event.name,
          data: { subscriberId: s.subscriberId, on: s.event, event },
          opts: {
            jobId: eventJobId(event.id, s.subscriberId),
            attempts: s.attempts ?? this.options.attempts,
            backoff: { type: "exponential", delay: s.backoff ?? this.options.backoff },
            removeOnComplete: { age: this.options.keepCompleted },
            removeOnFail: false,
          },
        });
      }
    }
    if (!jobs.length) return;
    this.redis.assertReady();
    const adding = this.queue.addBulk(jobs);
    this.publishing.add(adding);
    try {
      await adding;
      this.redis.working();
    } finally {
      this.publishing.delete(adding);
    }
  }

  /** Waits for publishes under way (the jobs themselves run on whichever process takes them). */
  async drain(): Promise<void> {
    while (this.publishing.size) await Promise.allSettled([...this.publishing]);
  }

  /** Lets running subscriber jobs finish, then closes the Worker and the queue. */
  async close(): Promise<void> {
    if (this.worker) await closeWorker(this.worker, this.running, this.redis);
    // Jobs that just finished may have emitted events: let those publishes end.
    await this.drain();
    await this.queue.close();
    this.byEvent = new Map();
    this.bySubscriber = new Map();
  }

  private startWorker(): Worker<SubscriberJobData> {
    const worker = new Worker<SubscriberJobData>(EVENTS_QUEUE, (job) => this.run(job), {
      ...this.redis.workerOptions("events worker"),
      concurrency: this.options.concurrency,
    });
    worker.on("error", (err) => this.redis.connectionError("events worker", err));
    worker.on("failed", (job, err) => {
      if (!job) return;
      const attempts = job.opts.attempts ?? 1;
      const final = job.attemptsMade >= attempts;
      const { subscriberId, event } = job.data;
      this.logger[final ? "error" : "warn"](
        { err, subscriberId, event: event.name, eventId: event.id, attempt: job.attemptsMade, attempts, jobId: job.id },
        final
          ? `subscriber ${subscriberId} failed on ${event.name} after ${job.attemptsMade} attempts; kept as failed`
          : `subscriber ${subscriberId} failed on ${event.name} (attempt ${job.attemptsMade} of ${attempts}); retrying`,
      );
    });
    return worker;
  }

  private async run(job: Job<SubscriberJobData>): Promise<void> {
    const { subscriberId, on, event } = job.data;
    const subscription = this.bySubscriber.get(subscriptionKey(subscriberId, on));
    // Another version of the project may have enqueued it (rolling deploy): retry,
    // so a process that knows the subscriber can take it.
    if (!subscription) throw new Error(`subscriber ${subscriberId} (${on}) is not loaded in this process`);
    const run = subscription.handle(event);
    this.running.add(run);
    try {
      await run;
    } finally {
      this.running.delete(run);
    }
  }
}

function subscriptionKey(subscriberId: string, event: string): string {
  return `${subscriberId}\u0000${event}`;
}
