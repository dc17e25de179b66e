import { isDatabaseOutage } from "../database/database-outage";
import { KioskError, UnavailableError } from "../errors";
import { isRedisOutage } from "../events/redis-outage";

/**
 * A database or Redis that is down, hung, saturated or locked, as the 503 it is
 * (`database_unavailable` / `redis_unavailable`, with Retry-After), rather than a
 * masked 500: the request was fine, trying again shortly may work.
 */
export function fromOutage(err: unknown): UnavailableError | undefined {
  if (err instanceof KioskError) return undefined; // already says what it is
  if (isRedisOutage(err)) return new UnavailableError("Redis is unavailable; try again shortly", "redis_unavailable");
  if (isDatabaseOutage(err)) return new UnavailableError("The database is unavailable; try again shortly", "database_unavailable");
  return undefined;
}
