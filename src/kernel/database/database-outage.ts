import { DATABASE_UNREACHABLE } from "./bounded-pg-client";

/** Socket errors: the database host refused, dropped or never answered the connection. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL SQLSTATEs that mean "not now" rather than "wrong request": class 08
 * (connection exception), 53 (insufficient resources: too many connections, disk
 * full), 57014 (statement timeout), 57P0x (server shutting down or starting) and
 * 25P03 (idle-in-transaction timeout).
 */
function postgresUnavailable(code: string): boolean {
  return code.startsWith("08") || code.startsWith("53") || code === "57014" || code.startsWith("57P0") || code === "25P03";
}

/** The driver's own words for a connection that is gone, hung, or could not be had from the pool in time. */
const PG_MESSAGES =
  /^(timeout exceeded when trying to connect|Connection terminated|Query read timeout|timeout expired|Client has encountered a connection error|Client was closed and is not queryable)/;

function unavailable(err: any): boolean {
  if (!err || typeof err !== "object") return false;
  if (err[DATABASE_UNREACHABLE]) return true;
  const code = typeof err.code === "string" ? err.code : "";
  // SQLite: another process holds the write lock past busy_timeout.
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && typeof err.severity === "string") return postgresUnavailable(code);
  if (typeof err.message === "string" && PG_MESSAGES.test(err.message)) return true;
  return err instanceof AggregateError && err.errors.some(unavailable);
}

/**
 * Whether an error raised by a database call means the database is down, hung,
 * saturated or locked (try again later), not that the request was wrong. Looks
 * at the error and, for TypeORM's `QueryFailedError`, at the driver's error inside.
 */
export function isDatabaseOutage(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const driverError = (err as { driverError?: unknown }).driverError;
  if (driverError !== undefined) {
    const code = (driverError as { code?: unknown })?.code;
    return unavailable(driverError) || (typeof code === "string" && SOCKET_CODES.has(code));
  }
  return unavailable(err);
}
