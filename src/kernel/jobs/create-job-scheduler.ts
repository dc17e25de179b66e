import type { Logger } from "pino";
import type { ResolvedConfig } from "../config/resolved-config";
import type { RedisConnections } from "../events/redis-connections";
import type { ContainerSource, JobScheduler } from "./job-scheduler";
import { TimerJobScheduler } from "./timer-job-scheduler";

/** A BullMQ scheduler when the kernel has Redis, otherwise in-process timers (idle until chosen, with `standby`). */
export function createJobScheduler(
  config: ResolvedConfig,
  redis: RedisConnections | undefined,
  container: ContainerSource,
  logger: Logger,
  standby = false,
): JobScheduler {
  if (!redis) return new TimerJobScheduler(container, logger, !standby);
  const { RedisJobScheduler } = require("./redis-job-scheduler") as typeof import("./redis-job-scheduler");
  return new RedisJobScheduler(redis, container, config.redis.concurrency, logger);
}
