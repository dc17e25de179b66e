import type { CustomFieldsConfig } from "../custom-fields/field-definition";
/** A plugin entry in the config: a package name or path, with options for its services and loaders. */
export type PluginEntry = string | { resolve: string; options?: Record<string, unknown> };

/** What a project writes in `kiosk.config.ts`. Every key is optional; environment variables win. */
export interface KioskConfig {
  database?: {
    /** `postgres://…` for PostgreSQL; unset means the embedded SQLite file `.kiosk/kiosk.sqlite`. Env: DATABASE_URL. */
    url?: string;
    /** SQLite file path, relative to the project. */
    path?: string;
    /** Log every SQL statement. */
    logging?: boolean;
    /** PostgreSQL pool size. */
    poolSize?: number;
    /**
     * Milliseconds a statement may run (default 10000). PostgreSQL cancels it then
     * (`statement_timeout`), and a connection that has not answered 500 ms later is
     * dropped as hung. The request answers 503. 0 turns both off. `kiosk migrate`
     * runs without it.
     */
    statementTimeout?: number;
    /** Milliseconds to open a PostgreSQL connection (default 5000); past it, 503. */
    connectTimeout?: number;
    /**
     * Milliseconds a query waits for a free pooled connection on PostgreSQL, or for
     * another process's write lock on SQLite (`busy_timeout`) (default 5000); past it, 503.
     */
    poolTimeout?: number;
    /**
     * Send the hot reads as named prepared statements on PostgreSQL (default true): each is
     * parsed and planned once per connection (the connections ask for generic plans,
     * `plan_cache_mode=force_generic_plan`, which only prepared statements use). Turn it off behind a pooler that gives each
     * transaction another server connection (PgBouncer's transaction mode before 1.21).
     * Env: DATABASE_PREPARED_STATEMENTS=false.
     */
    preparedStatements?: boolean;
  };
  redis?: {
    /** Env: REDIS_URL. With it, events and scheduled jobs go through BullMQ on Redis. */
    url?: string;
    /**
     * Namespaces every BullMQ key, so projects (and test suites) can share one Redis.
     * Env: REDIS_PREFIX. Default `kiosk:<instance id>`: a random id the store writes to its database at its first
     * boot (table `kiosk_setting`), so two stores on one Redis never share keys; logged at start-up.
     */
    prefix?: string;
    /** Subscriber jobs one process runs at once (default 10). */
    concurrency?: number;
    /** Milliseconds before a Redis command of the publisher fails, so a hung Redis never blocks (default 3000). */
    commandTimeout?: number;
    /** Seconds completed jobs are kept: the window in which a second enqueue of an event is deduplicated (default 3600). */
    keepCompleted?: number;
    /**
     * Milliseconds a running job stays locked to its process without renewal (default 30000). When a process dies,
     * its running jobs go back to the queue after about this long (and as often as that, other processes check).
     */
    lockDuration?: number;
  };
  events?: {
    /** Attempts per subscriber on the Redis bus, unless its `config.attempts` says otherwise (default 3). */
    attempts?: number;
    /** First retry delay in ms, doubled at each attempt (default 1000). */
    backoff?: number;
    /** How often (ms) the outbox sweeper publishes events left behind by a failure or a crash; 0 turns it off. Default 1000 with Redis, 5000 in memory. */
    sweepInterval?: number;
    /** Age (ms) an outbox row must reach before the sweeper takes it, so it never races the normal dispatch. Default 2000 with Redis, 30000 in memory. */
    sweepGrace?: number;
  };
  payments?: {
    /**
     * Milliseconds a payment provider call may take during checkout (default 30000). A slower
     * answer counts as a failure: the reservation is undone and the authorization voided.
     * A completion interrupted by a crash is finished or undone once it is this old plus 10 s.
     */
    timeout?: number;
  };
  fulfillments?: {
    /**
     * Milliseconds a fulfillment provider call (creating or canceling a fulfillment) may take
     * (default 30000). A slower answer is a 503 `fulfillment_provider_timeout`: nothing is
     * recorded and the action is reported as abandoned (`order.action_abandoned`).
     */
    timeout?: number;
  };
  /**
   * Which notification provider sends each event's notification, by event name
   * (`{ "order.placed": "log" }`); `false` sends none for that event. Merged over the
   * defaults: `log` for `order.placed`, `order.shipment_created`, `order.canceled` and
   * `customer.created`. The notification module's README lists the events it listens to.
   */
  notifications?: Record<string, string | false>;
  http?: {
    /** Env: PORT. */
    port?: number;
    /**
     * Browser origins allowed to call /store (with credentials), comma separated; `http://host:*`
     * allows any port of that host, `*` any origin (refused in production). Env: STORE_CORS.
     * Default: `http://localhost:*,http://127.0.0.1:*` outside production; required in production.
     */
    storeCors?: string;
    /** The same for /admin. Env: ADMIN_CORS. */
    adminCors?: string;
    /** Largest JSON body accepted, e.g. "1mb". */
    bodyLimit?: string;
    /** Secret used to sign auth tokens. Env: JWT_SECRET. Required in production. */
    jwtSecret?: string;
    /**
     * One log line per request (method, path, status, ms) at info. Default: true in development
     * (`kiosk develop`); otherwise the lines are logged at debug, so `LOG_LEVEL=debug` shows them.
     */
    logRequests?: boolean;
    /** Serve the API's OpenAPI 3.1 document at `GET /openapi.json`. Default: true in development (`kiosk develop`) only. */
    openapi?: boolean;
    /**
     * Express's `trust proxy`: whose `X-Forwarded-For` to believe for the client address (`req.ip`) the sign-in
     * rate limits count by. Unset (the default): the connection's own address, `X-Forwarded-For` ignored. Behind a
     * proxy, name it: a hop count (`1`), or addresses and subnets (`"loopback"`, `["10.0.0.0/8"]`); `true` believes
     * any sender, so only use it when nothing but the proxy can reach the server.
     */
    trustProxy?: boolean | number | string | string[];
  };
  auth?: {
    /**
     * Milliseconds a process keeps what it read of an account for checking tokens (whether the account still exists,
     * its token version) before reading it again (default 5000). A token revoked by another process keeps working here
     * for at most this long; in the process that revoked it, it stops at once. 0 reads the account on every request.
     */
    accountCacheTtl?: number;
    /**
     * Seconds a password reset token (`POST /store/customers/password-token`, `POST /admin/users/password-token`)
     * stays valid (default 900, 15 minutes, as Medusa v1). A token is also spent by the reset it makes.
     */
    passwordResetTtl?: number;
    /** Limits on failed sign-ins and sign-ups (in memory, or shared through Redis with `redis.url`). */
    rateLimit?: {
      /** Failed attempts per email (and per account type): `points` per `duration` seconds. Default 5 per 900. */
      email?: { points?: number; duration?: number };
      /** Failed attempts per client address, across emails: `points` per `duration` seconds. Default 20 per 60. */
      address?: { points?: number; duration?: number };
    };
  };
  /**
   * The admin dashboard, a browser app served at `/app` by `kiosk develop` and `kiosk start`. It signs in with an
   * admin user and talks to the Admin API only.
   */
  admin?: {
    /** Where the dashboard is served (default `/app`): one or more path segments, such as `/dashboard` or `/shop/admin`. */
    path?: string;
    /** Turn the dashboard off (default false): its path is then a plain 404. */
    disable?: boolean;
  };
  /** Uploads (`POST /admin/uploads`) and the built-in `local` file provider. */
  files?: {
    /** The file provider (default `local`: files on this machine's disk, served at `/uploads/<name>`). */
    provider?: string;
    /** Where the `local` provider keeps files, relative to the project (default `uploads`). */
    dir?: string;
    /** Largest file accepted, in bytes (default 10485760, 10 MiB); a larger one is a 413 `file_too_large`. */
    maxSize?: number;
    /**
     * Types accepted, by MIME type (default the images and PDF): `image/png`, `image/jpeg`, `image/gif`,
     * `image/webp`, `application/pdf` (recognised by their content), `text/csv`, `text/plain` (by their
     * extension, as UTF-8 text). Another is a 400 `file_type_not_allowed`.
     */
    allowedTypes?: ("image/png" | "image/jpeg" | "image/gif" | "image/webp" | "application/pdf" | "text/csv" | "text/plain")[];
    /**
     * The public address of `/uploads` written into upload URLs (`https://shop.example.com/uploads`).
     * Default: the origin of the upload request (its protocol and `Host`), which behind a proxy needs `http.trustProxy`.
     */
    url?: string;
  };
  /**
   * Custom fields of core entities, as real columns: `{ product: { brand: { type: "string", index: true } } }`.
   * `kiosk migrate generate` writes their migration; admin bodies accept them, store bodies those marked
   * `store: "write"`, responses include them, and list routes filter by the indexed ones.
   */
  customFields?: CustomFieldsConfig;
  plugins?: PluginEntry[];
  /**
   * Strategies by name (`taxCalculation`, `priceSelection`, `orderNumber`, …): an object
   * implementing the strategy's interface. One named here wins over a `src/strategies/<name>.ts`
   * file of the project or a plugin, which wins over the core module's default.
   */
  strategies?: Partial<KioskStrategies> & Record<string, object>;
}

/**
 * The strategies the core modules read, by name. Declared empty here and filled by
 * declaration merging where the interfaces live (`src/strategies.ts`), so the config
 * stays independent of the modules.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KioskStrategies {}

/** Typed identity helper for `kiosk.config.ts`: `export default defineConfig({ … })`. */
export function defineConfig(config: KioskConfig): KioskConfig {
  return config;
}
