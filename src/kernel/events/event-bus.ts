import type { KioskContainer } from "../container/kiosk-services";

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
  container: KioskContainer;
}

/** A subscriber file's default export. */
export type SubscriberHandler<T = unknown> = (args: SubscriberArgs<T>) => unknown | Promise<unknown>;

/** How the Redis bus retries a subscriber (the in-memory bus runs each handler once). */
export interface RetryOptions {
  /** Runs before the event is kept as failed (default `events.attempts`, 3). */
  attempts?: number;
  /** First retry delay in ms, doubled at each attempt (default `events.backoff`, 1000). */
  backoff?: number;
}

/** A subscriber file's `config` export. `subscriberId` defaults to the file's path in its root. */
export interface SubscriberConfig extends RetryOptions {
  event: string | string[];
  context?: { subscriberId?: string };
}

/** A handler bound to its id; the bus calls `handle` once per matching event. */
export interface Subscription extends RetryOptions {
  event: string;
  subscriberId: string;
  handle: (message: EventMessage) => Promise<void>;
}

/**
 * Delivers events to subscribers. The in-memory bus runs them in this process;
 * the Redis bus (BullMQ) delivers each event once per subscriber across processes.
 */
export interface EventBus {
  /**
   * Whether publishing `name` would reach any subscriber. Both built-in buses
   * hand an event only to the subscriptions this process loaded, so an event
   * nobody subscribes to need not be staged at all. A bus without this method
   * gets every event.
   */
  hasSubscribers?(name: string): boolean;
  /** Hands messages to every matching subscriber. Resolves when they are safely handed over. */
  publish(messages: EventMessage[]): Promise<void>;
  /** Replaces the whole set of subscriptions (on boot and on each `develop` reload). */
  setSubscriptions(subscriptions: Subscription[]): void;
  /** Waits until work already handed over has finished. */
  drain(): Promise<void>;
  close(): Promise<void>;
}
