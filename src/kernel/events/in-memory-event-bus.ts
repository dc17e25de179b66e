import type { Logger } from "pino";
import type { EventBus, EventMessage, Subscription } from "./event-bus";

/**
 * The default bus: subscribers run in this process, after the transaction that
 * raised the event has committed. A subscriber that throws is logged with its id
 * and never affects the request or the other subscribers.
 */
export class InMemoryEventBus implements EventBus {
  private byEvent = new Map<string, Subscription[]>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  setSubscriptions(subscriptions: Subscription[]): void {
    const byEvent = new Map<string, Subscription[]>();
    for (const s of subscriptions) byEvent.set(s.event, [...(byEvent.get(s.event) ?? []), s]);
    this.byEvent = byEvent;
  }

  hasSubscribers(name: string): boolean {
    return this.byEvent.has(name) || this.byEvent.has("*");
  }

  async publish(messages: EventMessage[]): Promise<void> {
    const runs: Promise<void>[] = [];
    for (const message of messages) {
      const targets = [...(this.byEvent.get(message.name) ?? []), ...(this.byEvent.get("*") ?? [])];
      for (const subscription of targets) runs.push(this.run(subscription, message));
    }
    await Promise.all(runs);
  }

  private run(subscription: Subscription, message: EventMessage): Promise<void> {
    const run = (async () => {
      try {
        await subscription.handle(message);
      } catch (err) {
        this.logger.error(
          { err, subscriberId: subscription.subscriberId, event: message.name, eventId: message.id },
          `subscriber ${subscription.subscriberId} failed on ${message.name}`,
        );
      }
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  async close(): Promise<void> {
    await this.drain();
    this.byEvent = new Map();
  }
}
