import type { Logger } from "pino";
import { In, LessThanOrEqual, type DataSource, type EntityManager } from "typeorm";
import { OutboxEvent } from "../schema/models/outbox-event";
import type { EventBus, EventMessage } from "./event-bus";

/** Settings of the periodic outbox sweeper (`events.sweepInterval`, `events.sweepGrace`). */
export interface SweeperOptions {
  /** Milliseconds between two sweeps (measured from the end of one to the start of the next). */
  interval: number;
  /** Minimum age (ms) of a row before the sweeper takes it. */
  grace: number;
  batchSize?: number;
}

/**
 * Moves committed events from the outbox table to the bus, then deletes their
 * rows. Delivery is at least once: a crash before the delete republishes at the
 * next start (`flushPending`) or at the next sweep of any process, and subscriber
 * job ids make that exactly once on Redis.
 *
 * The sweeper picks rows older than a grace period (so it does not race the
 * dispatch that follows each commit), in batches, one sweep at a time. On
 * PostgreSQL the batch is locked with `FOR UPDATE SKIP LOCKED`, so the sweepers of
 * many processes share the backlog instead of all publishing the same rows.
 */
export class OutboxDispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  /** Rows this process is delivering right now: its own sweeper leaves them alone. */
  private readonly delivering = new Set<string>();
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;
  private sweeperOn = false;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly eventBus: EventBus,
    private readonly logger: Logger,
  ) {}

  /** Whether an event of this name would reach a subscriber (else it is not worth an outbox row). */
  wanted(name: string): boolean {
    return this.eventBus.hasSubscribers?.(name) ?? true;
  }

  /** Publishes events whose transaction just committed. Never throws: failures stay in the outbox. */
  dispatch(messages: EventMessage[]): Promise<void> {
    for (const m of messages) this.delivering.add(m.id);
    const run = this.deliver(messages, this.dataSource.manager)
      .then(
        () => this.recovered(),
        (err) => this.failed(err, `event delivery failed; ${messages.length} event(s) kept in the outbox`, messages),
      )
      .finally(() => {
        for (const m of messages) this.delivering.delete(m.id);
      });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  /**
   * Publishes everything an earlier process committed but did not deliver (boot).
   * Never throws: if the bus is down, the rows wait for the sweeper.
   */
  async flushPending(batchSize = 500): Promise<number> {
    try {
      return await this.sweep(0, batchSize);
    } catch (err) {
      this.failed(err, "could not publish the outbox at start-up; events kept for the sweeper");
      return 0;
    }
  }

  /**
   * Publishes outbox rows older than `grace` ms, batch after batch, until none is
   * left. Returns how many were published. Throws if the bus refuses a batch.
   */
  async sweep(grace: number, batchSize = 200): Promise<number> {
    let total = 0;
    for (;;) {
      const { fetched, delivered } = await this.sweepBatch(new Date(Date.now() - grace), batchSize);
      total += delivered;
      // A short batch means the backlog is done; a batch of only our own in-flight rows means the rest must wait.
      if (fetched < batchSize || delivered === 0) return total;
    }
  }

  /** Starts sweeping every `interval` ms; sweeps never overlap. */
  startSweeper({ interval, grace, batchSize }: SweeperOptions): void {
    if (interval <= 0 || this.sweeperOn) return;
    this.sweeperOn = true;
    const tick = async () => {
      this.sweeping = this.sweep(grace, batchSize).then(
        (count) => {
          if (!count) return; // an empty sweep proves nothing about the bus
          this.logger.info({ count }, `outbox sweeper published ${count} pending event(s)`);
          this.recovered();
        },
        (err) => this.failed(err, "outbox sweep failed; events kept in the outbox"),
      );
      await this.sweeping;
      this.sweeping = undefined;
      if (this.sweeperOn) this.sweepTimer = setTimeout(tick, interval);
    };
    this.sweepTimer = setTimeout(tick, interval);
  }

  /** Stops the sweeper and waits for a sweep under way. */
  async stopSweeper(): Promise<void> {
    this.sweeperOn = false;
    clearTimeout(this.sweepTimer);
    await this.sweeping;
  }

  /** Waits for deliveries and a sweep under way (graceful shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
    await this.sweeping;
  }

  private async sweepBatch(cutoff: Date, batchSize: number): Promise<{ fetched: number; delivered: number }> {
    const postgres = this.dataSource.options.type === "postgres";
    const work = async (manager: EntityManager) => {
      const rows = await manager.getRepository(OutboxEvent).find({
        where: { created_at: LessThanOrEqual(cutoff) },
        order: { created_at: "ASC", id: "ASC" },
        take: batchSize,
        ...(postgres ? { lock: { mode: "pessimistic_write" as const, onLocked: "skip_locked" as const } } : {}),
      });
      const mine = rows.filter((r) => !this.delivering.has(r.id));
      if (mine.length) await this.deliver(mine.map((r) => ({ id: r.id, name: r.name, data: JSON.parse(r.data) })), manager);
      return { fetched: rows.length, delivered: mine.length };
    };
    // SQLite has one writer and one connection: a transaction held during the
    // publish would swallow every other write, so there the batch is not locked.
    return postgres ? this.dataSource.transaction(work) : work(this.dataSource.manager);
  }

  private async deliver(messages: EventMessage[], manager: EntityManager): Promise<void> {
    await this.eventBus.publish(messages);
    await manager.getRepository(OutboxEvent).delete({ id: In(messages.map((m) => m.id)) });
  }

  /** During an outage every request's dispatch fails: log the first failure as an error, the rest at debug. */
  private failed(err: unknown, message: string, messages?: EventMessage[]): void {
    const first = !this.failing;
    this.failing = true;
    const events = messages?.map((m) => m.id);
    this.logger[first ? "error" : "debug"]({ err, events }, message);
  }

  private recovered(): void {
    if (this.failing) this.logger.info("event delivery works again");
    this.failing = false;
  }
}
