import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import type { RedisConnections } from "../events/redis-connections";
import { withTimeout } from "../with-timeout";

/** How long `/health/ready` waits for each dependency before it calls it down (ms). */
export const READY_TIMEOUT = 2000;

type State = "ok" | "down";

/** The body of `/health/ready`: `redis` only when the project uses Redis. */
export interface Readiness {
  status: "ok" | "unavailable";
  database: State;
  redis?: State;
}

async function probe(work: () => Promise<unknown>, ms: number): Promise<State> {
  try {
    await withTimeout(Promise.resolve().then(work), ms, () => new Error("no answer in time"));
    return "ok";
  } catch {
    return "down";
  }
}

/**
 * `GET /health/ready`: 200 when the database answers `SELECT 1` (and Redis a
 * PING, when configured) within `READY_TIMEOUT`, else 503 naming what is down,
 * with Retry-After. Requests that arrive while a check runs share its answer, so
 * a probe storm during an outage costs one query at a time.
 */
export function readinessHandler(dataSource: DataSource, redis: RedisConnections | undefined, timeout = READY_TIMEOUT) {
  let running: Promise<Readiness> | undefined;
  const check = async (): Promise<Readiness> => {
    const [database, redisState] = await Promise.all([
      probe(() => dataSource.query("SELECT 1"), timeout),
      redis ? probe(() => redis.producer.ping(), timeout) : undefined,
    ]);
    const ok = database === "ok" && (redisState ?? "ok") === "ok";
    return { status: ok ? "ok" : "unavailable", database, ...(redisState ? { redis: redisState } : {}) };
  };
  return (_req: Request, res: Response): void => {
    running ??= check().finally(() => (running = undefined));
    void running.then((readiness) => {
      if (readiness.status !== "ok") res.setHeader("Retry-After", "5");
      res.status(readiness.status === "ok" ? 200 : 503).json(readiness);
    });
  };
}
