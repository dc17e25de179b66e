import type { Logger } from "pino";
import type { RedisConnections } from "../events/redis-connections";

/**
 * The Redis state shared by a limiter's counters. After a failure they count
 * locally for `pause` ms before asking Redis again (a hung Redis would
 * otherwise cost every sign-in `redis.commandTimeout`), or until the
 * connection is ready again. One warning per outage, and a line when Redis
 * answers again.
 */
export class RedisFallback {
  private failedAt?: number;

  constructor(
    readonly connections: RedisConnections,
    private readonly logger: Logger,
    private readonly pause = 5000,
  ) {
    connections.producer.on("ready", () => {
      if (this.failedAt !== undefined) this.failedAt = 0;
    });
  }

  /** Whether to count locally without asking Redis. */
  get skip(): boolean {
    return this.failedAt !== undefined && Date.now() - this.failedAt < this.pause;
  }

  failed(err: unknown): void {
    if (this.failedAt === undefined) {
      this.logger.warn({ err: (err as Error)?.message }, "sign-in limits cannot reach Redis: counting in this process until it can");
    }
    this.failedAt = Date.now();
  }

  working(): void {
    if (this.failedAt !== undefined) this.logger.info("sign-in limits are shared through Redis again");
    this.failedAt = undefined;
  }
}
