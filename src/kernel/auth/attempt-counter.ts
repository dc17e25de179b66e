import type * as Flexible from "rate-limiter-flexible";
import type { RateLimit } from "../config/resolved-config";
import type { RedisFallback } from "./redis-fallback";

/** Loaded on the first sign-in, not at boot. */
const flexible = () => require("rate-limiter-flexible") as typeof Flexible;

/** A fixed-window counter of attempts per key. */
export interface AttemptCounter {
  /** Counts one attempt; resolves 0 while the key is within its limit, else the milliseconds until its window ends. */
  hit(key: string): Promise<number>;
  /** Takes one attempt back. */
  refund(key: string): Promise<void>;
}

/** `consume`, with "over the limit" as a result rather than a rejection; a store error still rejects. */
async function consume(limiter: Flexible.RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (res) {
    if (res instanceof flexible().RateLimiterRes) return Math.max(1, res.msBeforeNext);
    throw res;
  }
}

function memoryCounter(limit: RateLimit, keyPrefix: string): AttemptCounter {
  const limiter = new (flexible().RateLimiterMemory)({ ...limit, keyPrefix });
  return {
    hit: (key) => consume(limiter, key),
    refund: async (key) => void (await limiter.reward(key)),
  };
}

/**
 * Counts in Redis, shared by every process of the project. While Redis fails
 * (down, or slower than `redis.commandTimeout`) it counts in this process's
 * memory instead: sign-ins stay possible and limited per process, rather than
 * all refused or not limited at all. An attempt counted in one place may be
 * given back in the other; that costs at most one attempt either way.
 */
function redisCounter(limit: RateLimit, name: string, redis: RedisFallback): AttemptCounter {
  const shared = new (flexible().RateLimiterRedis)({
    ...limit,
    storeClient: redis.connections.producer,
    keyPrefix: `${redis.connections.prefix}:auth-limit:${name}`,
    rejectIfRedisNotReady: true,
  });
  const local = memoryCounter(limit, name);
  return {
    hit: async (key) => {
      if (redis.skip) return local.hit(key);
      try {
        const wait = await consume(shared, key);
        redis.working();
        return wait;
      } catch (err) {
        redis.failed(err);
        return local.hit(key);
      }
    },
    refund: async (key) => {
      if (redis.skip) return local.refund(key);
      try {
        await shared.reward(key);
      } catch (err) {
        redis.failed(err);
        await local.refund(key);
      }
    },
  };
}

/** A counter named `name`: in Redis when the kernel has it, else in memory. */
export function attemptCounter(limit: RateLimit, name: string, redis: RedisFallback | undefined): AttemptCounter {
  return redis ? redisCounter(limit, name, redis) : memoryCounter(limit, name);
}
