import type { Client, ClientConfig } from "pg";

/**
 * Set on an error that says the database could not be reached or stopped
 * answering: a connection that failed to open, or a query with no answer in time.
 */
export const DATABASE_UNREACHABLE = Symbol.for("kiosk.databaseUnreachable");

/** The client-side bounds of one PostgreSQL connection (ms). */
export interface PgClientTimeouts {
  /** Opening the connection (TCP, TLS, start-up and authentication). */
  connectTimeout: number;
  /** An answer to a query; 0 waits for ever. */
  readTimeout: number;
}

function unreachable<E>(err: E): E {
  if (err instanceof Error && !(DATABASE_UNREACHABLE in err) && Object.isExtensible(err)) {
    Object.defineProperty(err, DATABASE_UNREACHABLE, { value: true });
  }
  return err;
}

/**
 * A `pg` Client class for the pool (`extra.Client`) that bounds a connection on
 * our side, whatever the network does: opening it takes at most `connectTimeout`,
 * and a query with no answer after `readTimeout` fails and its connection is
 * destroyed (a hung connection is never handed out again; the pool opens a fresh
 * one once the database is back). Failures of either kind carry
 * `DATABASE_UNREACHABLE`.
 */
export function boundedPgClient(timeouts: PgClientTimeouts): typeof Client {
  const pg = require("pg") as typeof import("pg");
  return class BoundedPgClient extends pg.Client {
    constructor(config: ClientConfig) {
      super({
        ...config,
        connectionTimeoutMillis: timeouts.connectTimeout,
        query_timeout: timeouts.readTimeout || undefined,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      });
    }

    override connect(callback?: (...args: any[]) => void): any {
      if (!callback) return super.connect().catch((err: unknown) => Promise.reject(unreachable(err)));
      return super.connect((err: Error | null, ...rest: unknown[]) => callback(err && unreachable(err), ...rest));
    }

    override query(...args: any[]): any {
      const result = (super.query as (...a: any[]) => any)(...args);
      if (result && typeof result.then === "function") {
        // A side branch: the caller still gets (and handles) `result` itself.
        result.then(undefined, (err: Error) => {
          if (err?.message !== "Query read timeout") return;
          unreachable(err);
          (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        });
      }
      return result;
    }
  };
}
