import type { Logger } from "pino";
import type { ResolvedConfig } from "../config/resolved-config";
import type { EventBus } from "./event-bus";
import { InMemoryEventBus } from "./in-memory-event-bus";
import type { RedisConnections } from "./redis-connections";

/** The bus a kernel uses, and its Redis connections when it has some. */
export interface EventsInfrastructure {
  bus: EventBus;
  redis?: RedisConnections;
  /** Closes the bus (running subscriber jobs finish first), then the Redis connection. */
  close(): Promise<void>;
}

/**
 * The in-memory bus, or with `redisUrl` the BullMQ bus. BullMQ and ioredis are
 * loaded only then, so a project without Redis does not pay for them at boot.
 * `consume: false` (one-off commands) publishes without running a Worker.
 */
export function createEventBus(config: ResolvedConfig, logger: Logger, consume: boolean): EventsInfrastructure {
  if (!config.redisUrl) {
    const bus = new InMemoryEventBus(logger);
    return { bus, close: () => bus.close() };
  }
  const { RedisConnections } = require("./redis-connections") as typeof import("./redis-connections");
  const { RedisEventBus } = require("./redis-event-bus") as typeof import("./redis-event-bus");
  const { prefix, commandTimeout, lockDuration } = config.redis;
  const redis = new RedisConnections(config.redisUrl, prefix, commandTimeout, lockDuration, logger);
  const bus = new RedisEventBus(
    redis,
    {
      concurrency: config.redis.concurrency,
      attempts: config.events.attempts,
      backoff: config.events.backoff,
      keepCompleted: config.redis.keepCompleted,
      consume,
    },
    logger,
  );
  return {
    bus,
    redis,
    close: async () => {
      await bus.close();
      await redis.close();
    },
  };
}
