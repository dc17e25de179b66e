import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { QueryFailedError, type DataSource } from "typeorm";

/** A query that failed because a table or column is not there (yet): PostgreSQL's 42P01/42703, SQLite's words. */
function missingSchema(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const code = (err as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
  return code === "42P01" || code === "42703" || /no such (table|column)|has no column named/.test(err.message);
}

/**
 * A request that reached a table a pending migration creates (an entity just
 * generated, a migration not run yet) answers a 503 `migrations_pending` that
 * says what to do, instead of a masked 500. Only when the database does have
 * pending migrations: a missing table with none pending is a real bug, left to
 * the error handler. Logged once per process, at warn.
 */
export function pendingMigrationsHandler(dataSource: () => DataSource, logger: Logger) {
  let logged = false;
  return async (err: unknown, req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!missingSchema(err) || res.headersSent) return next(err);
    const pending = await dataSource().showMigrations().catch(() => false);
    if (!pending) return next(err);
    if (!logged) logger.warn({ path: req.path, err: (err as Error).message }, "a request needs a migration that has not run: run `kiosk migrate`");
    logged = true;
    res.status(503).json({
      type: "unavailable",
      code: "migrations_pending",
      message: "The database has pending migrations this request needs: run `kiosk migrate`",
    });
  };
}
