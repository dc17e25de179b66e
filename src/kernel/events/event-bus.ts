import type { AwilixContainer } from "awilix";

/** One event as it travels from the outbox to subscribers. */
export interface EventMessage<T = unknown> {
  /** `evt_…`: unique per emitted event, stable across retries. */
  id: string;
  name: string;
  data: T;
}

/** What a subscriber file's default export receives. */
export interface SubscriberArgs<T = unknown> {
  data: T;
  eventName: string;
  eventId: string;
  container: AwilixContainer;
}

/** A subscriber file's default export. */
export type SubscriberHandler<T = unknown> = (args: SubscriberArgs<T>) => unknown | Promise<unknown>;

/** A subscriber file's `config` export. `subscriberId` defaults to the file's path in its root. */
export interface SubscriberConfig {
  event: string | string[];
  context?: { subscriberId?: string };
}

/** A handler bound to its id; the bus calls `handle` once per matching event. */
export interface Subscription {
  event: string;
  subscriberId: string;
  handle: (message: EventMessage) => Promise<void>;
}

/**
 * Delivers events to subscribers. The in-memory bus runs them in this process;
 * the Redis bus (BullMQ) delivers each event once per subscriber across processes.
 */
export interface EventBus {
  /** Hands messages to every matching subscriber. Resolves when they are safely handed over. */
  publish(messages: EventMessage[]): Promise<void>;
  /** Replaces the whole set of subscriptions (on boot and on each `develop` reload). */
  setSubscriptions(subscriptions: Subscription[]): void;
  /** Waits until work already handed over has finished. */
  drain(): Promise<void>;
  close(): Promise<void>;
}
