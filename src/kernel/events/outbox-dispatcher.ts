import type { Logger } from "pino";
import { In, type DataSource } from "typeorm";
import { OutboxEvent } from "../schema/models/outbox-event";
import type { EventBus, EventMessage } from "./event-bus";

/**
 * Moves committed events from the outbox table to the bus, then deletes their
 * rows. Delivery is at least once: a crash before the delete republishes at the
 * next start (`flushPending`), and subscriber ids make that safe on Redis.
 */
export class OutboxDispatcher {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly eventBus: EventBus,
    private readonly logger: Logger,
  ) {}

  /** Publishes events whose transaction just committed. Never throws: failures stay in the outbox. */
  dispatch(messages: EventMessage[]): Promise<void> {
    const run = this.deliver(messages).catch((err) => {
      this.logger.error({ err, events: messages.map((m) => m.id) }, "event delivery failed; kept in the outbox");
    });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  /** Publishes what an earlier process committed but did not deliver. */
  async flushPending(batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.dataSource
        .getRepository(OutboxEvent)
        .find({ order: { created_at: "ASC", id: "ASC" }, take: batchSize });
      if (!rows.length) return total;
      await this.deliver(rows.map((r) => ({ id: r.id, name: r.name, data: JSON.parse(r.data) })));
      total += rows.length;
    }
  }

  /** Waits for deliveries under way (graceful shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private async deliver(messages: EventMessage[]): Promise<void> {
    await this.eventBus.publish(messages);
    await this.dataSource.getRepository(OutboxEvent).delete({ id: In(messages.map((m) => m.id)) });
  }
}
