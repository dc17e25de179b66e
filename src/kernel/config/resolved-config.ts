import type { CustomFieldsConfig } from "../custom-fields/field-definition";
import type { PluginEntry } from "./define-config";

/** The environment Kiosk runs in. */
export type KioskEnv = "development" | "production" | "test";

/** The database dialects Kiosk supports. */
export type Dialect = "sqlite" | "postgres";

/** At most `points` failed attempts per `duration` seconds. */
export interface RateLimit {
  points: number;
  duration: number;
}

/** The config after defaults and environment overrides, as the kernel uses it. */
export interface ResolvedConfig {
  projectDir: string;
  env: KioskEnv;
  database: {
    dialect: Dialect;
    url?: string;
    path: string;
    logging: boolean;
    poolSize: number;
    /** ms; 0 = none. */
    statementTimeout: number;
    /** ms. */
    connectTimeout: number;
    /** ms (PostgreSQL pool wait, SQLite busy timeout). */
    poolTimeout: number;
    /** Named prepared statements on PostgreSQL (see `database.preparedStatements`). */
    preparedStatements: boolean;
  };
  redisUrl?: string;
  /** BullMQ settings, used when `redisUrl` is set. */
  redis: {
    /** REDIS_PREFIX or `redis.prefix`; else, once the database is open, `kiosk:<instance id>` (see `resolveRedisPrefix`). */
    prefix: string;
    /** Whether `prefix` was given (REDIS_PREFIX or `redis.prefix`) rather than derived. */
    prefixExplicit: boolean;
    concurrency: number;
    commandTimeout: number;
    keepCompleted: number;
    lockDuration: number;
  };
  /** Retries and the outbox sweeper (timings in ms). */
  events: {
    attempts: number;
    backoff: number;
    sweepInterval: number;
    sweepGrace: number;
  };
  /** Payment provider calls during checkout (ms). */
  payments: {
    timeout: number;
  };
  /** Fulfillment provider calls from the admin's order actions (ms). */
  fulfillments: {
    timeout: number;
  };
  /** Notification provider id by event name (defaults merged, `false` entries removed). */
  notifications: Record<string, string>;
  http: {
    port: number;
    /** Comma separated origins; "" when unset in production (start-up refuses it). */
    storeCors: string;
    adminCors: string;
    bodyLimit: string;
    jwtSecret: string;
    /** Log each request at info (default: in development only; otherwise at debug). */
    logRequests: boolean;
    /** Serve `GET /openapi.json` (default: in development only). */
    openapi: boolean;
    /** Express's `trust proxy`, when configured. */
    trustProxy?: boolean | number | string | string[];
  };
  /** Token checks and sign-in rate limits (`accountCacheTtl` in ms, `duration` in seconds). */
  auth: {
    accountCacheTtl: number;
    /** Seconds a password reset token is valid (default 900). */
    passwordResetTtl: number;
    rateLimit: { email: RateLimit; address: RateLimit };
  };
  /** The admin dashboard: served at `path` (no trailing slash) unless `disable`. */
  admin: {
    path: string;
    disable: boolean;
  };
  /** Uploads: the provider, the `local` provider's absolute directory, the size limit (bytes), the allowed MIME types. */
  files: {
    provider: string;
    dir: string;
    maxSize: number;
    allowedTypes: string[];
    /** The public address of `/uploads`, without a trailing slash; unset: the request's origin. */
    url?: string;
  };
  /** `customFields` as configured (validated; entity names are checked once the models load). */
  customFields: CustomFieldsConfig;
  plugins: PluginEntry[];
  /** Strategies chosen in the config, by name (they win over `strategies/*` files). */
  strategies: Record<string, object>;
}
