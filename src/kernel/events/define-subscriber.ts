import type { RetryOptions, SubscriberConfig, SubscriberHandler } from "./event-bus";
import type { KioskEventName, KioskEvents } from "./kiosk-events";

const DEFINED = Symbol.for("kiosk.subscriber");

/** What `defineSubscriber` returns: a subscriber file's default export, handler and config in one. */
export interface DefinedSubscriber {
  readonly [DEFINED]: true;
  handler: SubscriberHandler<any>;
  config: SubscriberConfig;
}

/**
 * A subscriber, typed from `KioskEvents`: the event names are checked and the
 * handler's `data` is the payload they are declared with.
 *
 * ```ts
 * export default defineSubscriber("order.placed", async ({ data, container }) => {
 *   await container.resolve("orderService").retrieve(data.id);
 * });
 * ```
 *
 * It is the whole file (`export default`); the older shape, a default-exported
 * function beside `export const config: SubscriberConfig`, still loads.
 */
export function defineSubscriber<K extends KioskEventName>(
  event: K | readonly K[],
  handler: SubscriberHandler<KioskEvents[K]>,
  options: RetryOptions & { context?: { subscriberId?: string } } = {},
): DefinedSubscriber {
  return { [DEFINED]: true, handler, config: { ...options, event: typeof event === "string" ? event : [...event] } };
}

/** Whether a default export came from `defineSubscriber`. */
export function isDefinedSubscriber(value: unknown): value is DefinedSubscriber {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[DEFINED] === true;
}
