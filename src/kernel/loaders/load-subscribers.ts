import path from "node:path";
import { isDefinedSubscriber } from "../events/define-subscriber";
import type { RetryOptions, SubscriberConfig, SubscriberHandler } from "../events/event-bus";
import { listFiles } from "./discover-files";
import { importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/** A subscriber file, checked: its handler, events and id. */
export interface SubscriberDefinition {
  file: string;
  subscriberId: string;
  events: string[];
  handler: SubscriberHandler;
  /** `config.attempts` / `config.backoff`, when the file sets them. */
  retry: RetryOptions;
}

/**
 * Subscribers from `<root>/subscribers/*`: `export default defineSubscriber(event, handler)`,
 * or a default-exported handler beside `export const config = { event }`. The id defaults to `<root>:<file name>`,
 * the same in every process, so the Redis bus can deliver once per subscriber.
 */
export function loadSubscribers(roots: ResourceRoot[], exts: string[]): SubscriberDefinition[] {
  const definitions: SubscriberDefinition[] = [];
  for (const root of roots) {
    for (const file of listFiles(path.join(root.dir, "subscribers"), exts)) {
      const mod = importResource(file);
      const defined = isDefinedSubscriber(mod.default) ? mod.default : undefined;
      const handler = defined ? defined.handler : mod.default;
      const config = defined ? defined.config : (mod.config as SubscriberConfig | undefined);
      if (typeof handler !== "function") throw shapeError(file, "a default export that is a function, or defineSubscriber(event, handler)");
      const events = typeof config?.event === "string" ? [config.event] : config?.event;
      if (!Array.isArray(events) || !events.length || !events.every((e) => typeof e === "string" && e)) {
        throw shapeError(file, "export const config = { event: string | string[] }");
      }
      const { attempts, backoff } = config!;
      if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 1 && attempts <= 100)) {
        throw shapeError(file, "config.attempts to be an integer from 1 to 100");
      }
      if (backoff !== undefined && !(Number.isInteger(backoff) && backoff >= 0)) {
        throw shapeError(file, "config.backoff to be a delay in milliseconds (an integer >= 0)");
      }
      const subscriberId =
        config?.context?.subscriberId ?? `${root.name}:${path.basename(file).replace(/\.[jt]s$/, "")}`;
      definitions.push({ file, subscriberId, events, handler, retry: { attempts, backoff } });
    }
  }
  return definitions;
}
