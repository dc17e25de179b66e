import { PASSWORD_RESET_TTL } from "../auth/password-reset-token";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { KioskStartupError } from "../errors";
import { customFieldsConfigSchema } from "../custom-fields/field-definition";
import type { KioskConfig } from "./define-config";
import type { KioskEnv, ResolvedConfig } from "./resolved-config";

const DEV_JWT_SECRET = "kiosk-development-secret";
/** CORS origins outside production when none are configured: any port on this machine. */
const LOCAL_ORIGINS = "http://localhost:*,http://127.0.0.1:*";

const rateLimitSchema = z.strictObject({
  points: z.number().int().min(1).max(1_000_000).optional(),
  duration: z.number().int().min(1).max(86_400).optional(),
});

/** The types an upload may be (`files.allowedTypes`): the file module recognises each. */
const FILE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/csv", "text/plain"] as const;

const configSchema = z.strictObject({
  database: z
    .strictObject({
      url: z.string().optional(),
      path: z.string().min(1).optional(),
      logging: z.boolean().optional(),
      poolSize: z.number().int().min(1).max(500).optional(),
      statementTimeout: z.number().int().min(0).optional(),
      connectTimeout: z.number().int().min(100).optional(),
      poolTimeout: z.number().int().min(100).optional(),
      preparedStatements: z.boolean().optional(),
    })
    .optional(),
  redis: z
    .strictObject({
      url: z.string().optional(),
      prefix: z.string().min(1).regex(/^[^\s]+$/, "no spaces").optional(),
      concurrency: z.number().int().min(1).max(1000).optional(),
      commandTimeout: z.number().int().min(100).optional(),
      keepCompleted: z.number().int().min(1).optional(),
      lockDuration: z.number().int().min(1000).optional(),
    })
    .optional(),
  events: z
    .strictObject({
      attempts: z.number().int().min(1).max(100).optional(),
      backoff: z.number().int().min(0).optional(),
      sweepInterval: z.number().int().min(0).optional(),
      sweepGrace: z.number().int().min(0).optional(),
    })
    .optional(),
  notifications: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/, "an event name such as order.placed"),
      z.union([z.string().min(1).max(100), z.literal(false)]),
    )
    .optional(),
  payments: z.strictObject({ timeout: z.number().int().min(100).max(600_000).optional() }).optional(),
  fulfillments: z.strictObject({ timeout: z.number().int().min(100).max(600_000).optional() }).optional(),
  http: z
    .strictObject({
      port: z.number().int().min(0).max(65535).optional(),
      storeCors: z.string().optional(),
      adminCors: z.string().optional(),
      bodyLimit: z.string().regex(/^\d+(b|kb|mb)$/i, "a size such as 100kb or 1mb").optional(),
      jwtSecret: z.string().min(1).optional(),
      logRequests: z.boolean().optional(),
      openapi: z.boolean().optional(),
      trustProxy: z
        .union([z.boolean(), z.number().int().min(0), z.string().min(1), z.array(z.string().min(1)).min(1)])
        .optional(),
    })
    .optional(),
  auth: z
    .strictObject({
      accountCacheTtl: z.number().int().min(0).max(3_600_000).optional(),
      passwordResetTtl: z.number().int().min(1).max(604_800).optional(),
      rateLimit: z
        .strictObject({
          email: rateLimitSchema.optional(),
          address: rateLimitSchema.optional(),
        })
        .optional(),
    })
    .optional(),
  admin: z
    .strictObject({
      path: z
        .string()
        .regex(/^(\/[a-z0-9][a-z0-9._-]*)+\/?$/i, "a path such as /app or /shop/admin")
        .refine((p) => !/^\/(admin|store|health|hooks|uploads|openapi\.json)(\/|$)/i.test(p), "a path outside /admin, /store, /health, /hooks and /uploads")
        .optional(),
      disable: z.boolean().optional(),
    })
    .optional(),
  files: z
    .strictObject({
      provider: z.string().min(1).max(100).optional(),
      dir: z.string().min(1).optional(),
      maxSize: z.number().int().min(1).max(2 ** 31).optional(),
      allowedTypes: z.array(z.enum(FILE_TYPES)).min(1).optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
    })
    .optional(),
  customFields: customFieldsConfigSchema.optional(),
  plugins: z
    .array(
      z.union([
        z.string().min(1),
        z.strictObject({ resolve: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }),
      ]),
    )
    .optional(),
  strategies: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "a strategy name in camelCase"), z.custom<object>((v) => typeof v === "object" && v !== null, "an object")).optional(),
});

/** Where the config file sits: the TS source in development, the build output in production. */
export function configFileCandidates(projectDir: string, fromBuild: boolean): string[] {
  return fromBuild
    ? [path.join(projectDir, "dist", "kiosk.config.js")]
    : ["kiosk.config.ts", "kiosk.config.js"].map((f) => path.join(projectDir, f));
}

function readConfigFile(projectDir: string, fromBuild: boolean): { file?: string; config: unknown } {
  const file = configFileCandidates(projectDir, fromBuild).find((f) => fs.existsSync(f));
  if (!file) return { config: {} };
  let mod: any;
  try {
    mod = require(file);
  } catch (err) {
    throw new KioskStartupError("KIOSK_CONFIG_LOAD", `${file}: ${(err as Error).message}`, { cause: err });
  }
  return { file, config: mod && typeof mod === "object" && "default" in mod ? mod.default : mod };
}

function envPort(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new KioskStartupError("KIOSK_CONFIG_INVALID", `PORT must be a port number, got "${value}"`);
  }
  return port;
}

/**
 * `kiosk:<database name>` on PostgreSQL, `kiosk:<project folder>` on SQLite: the prefix
 * of a store that has no id yet (not migrated). Two stores can share it; once the
 * database is open the kernel replaces it with `kiosk:<instance id>` (`resolveRedisPrefix`).
 */
/** DATABASE_PREPARED_STATEMENTS (true/false) over `database.preparedStatements`; on unless turned off. */
function preparedStatements(configured: boolean | undefined): boolean {
  const value = process.env.DATABASE_PREPARED_STATEMENTS?.trim().toLowerCase();
  if (!value) return configured ?? true;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new KioskStartupError("KIOSK_CONFIG_INVALID", `DATABASE_PREPARED_STATEMENTS must be true or false, got "${value}"`);
}

function defaultRedisPrefix(projectDir: string, databaseUrl: string | undefined): string {
  const name = databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || "postgres" : path.basename(projectDir);
  return `kiosk:${name.replace(/[^\w.-]/g, "_")}`;
}

/**
 * Loads `kiosk.config.ts` (or the built `dist/kiosk.config.js`), validates it,
 * applies environment overrides and defaults. A bad value is an error naming its key.
 */
export function loadConfig(options: {
  projectDir: string;
  env?: KioskEnv;
  fromBuild?: boolean;
  overrides?: { port?: number; databaseUrl?: string; statementTimeout?: number };
}): ResolvedConfig {
  const projectDir = path.resolve(options.projectDir);
  const env: KioskEnv = options.env ?? ((process.env.NODE_ENV as KioskEnv) || "development");
  const { file, config: raw } = readConfigFile(projectDir, options.fromBuild ?? false);
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = [...issue.path, ...((issue as { keys?: string[] }).keys ?? [])].join(".") || "(root)";
    throw new KioskStartupError(
      "KIOSK_CONFIG_INVALID",
      `${file ?? "kiosk.config"}: invalid value at "${key}": ${issue.message}`,
    );
  }
  const config: KioskConfig = parsed.data;
  const databaseUrl = options.overrides?.databaseUrl ?? (process.env.DATABASE_URL || config.database?.url);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new KioskStartupError(
      "KIOSK_CONFIG_INVALID",
      `database.url (DATABASE_URL) must start with postgres://, got "${databaseUrl.split(":")[0]}:…"`,
    );
  }
  const jwtSecret = process.env.JWT_SECRET || config.http?.jwtSecret;
  const redisUrl = process.env.REDIS_URL || config.redis?.url || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new KioskStartupError(
      "KIOSK_CONFIG_INVALID",
      `redis.url (REDIS_URL) must start with redis:// or rediss://, got "${redisUrl.split(":")[0]}:…"`,
    );
  }
  if (!jwtSecret && env === "production") {
    throw new KioskStartupError("KIOSK_CONFIG_INVALID", "http.jwtSecret (JWT_SECRET) must be set in production");
  }
  return {
    projectDir,
    env,
    database: {
      dialect: databaseUrl ? "postgres" : "sqlite",
      url: databaseUrl || undefined,
      path: path.resolve(projectDir, config.database?.path ?? ".kiosk/kiosk.sqlite"),
      logging: config.database?.logging ?? false,
      poolSize: config.database?.poolSize ?? 10,
      statementTimeout: options.overrides?.statementTimeout ?? config.database?.statementTimeout ?? 10_000,
      connectTimeout: config.database?.connectTimeout ?? 5000,
      poolTimeout: config.database?.poolTimeout ?? 5000,
      preparedStatements: preparedStatements(config.database?.preparedStatements),
    },
    redisUrl,
    redis: {
      prefix: process.env.REDIS_PREFIX || config.redis?.prefix || defaultRedisPrefix(projectDir, databaseUrl),
      prefixExplicit: Boolean(process.env.REDIS_PREFIX || config.redis?.prefix),
      concurrency: config.redis?.concurrency ?? 10,
      commandTimeout: config.redis?.commandTimeout ?? 3000,
      keepCompleted: config.redis?.keepCompleted ?? 3600,
      lockDuration: config.redis?.lockDuration ?? 30_000,
    },
    events: {
      attempts: config.events?.attempts ?? 3,
      backoff: config.events?.backoff ?? 1000,
      sweepInterval: config.events?.sweepInterval ?? (redisUrl ? 1000 : 5000),
      sweepGrace: config.events?.sweepGrace ?? (redisUrl ? 2000 : 30_000),
    },
    payments: {
      timeout: config.payments?.timeout ?? 30_000,
    },
    fulfillments: {
      timeout: config.fulfillments?.timeout ?? 30_000,
    },
    notifications: resolveNotifications(config.notifications),
    http: {
      port: options.overrides?.port ?? envPort(process.env.PORT) ?? config.http?.port ?? 9000,
      storeCors: process.env.STORE_CORS || config.http?.storeCors || (env === "production" ? "" : LOCAL_ORIGINS),
      adminCors: process.env.ADMIN_CORS || config.http?.adminCors || (env === "production" ? "" : LOCAL_ORIGINS),
      bodyLimit: config.http?.bodyLimit ?? "1mb",
      jwtSecret: jwtSecret || DEV_JWT_SECRET,
      logRequests: config.http?.logRequests ?? env === "development",
      openapi: config.http?.openapi ?? env === "development",
      trustProxy: config.http?.trustProxy,
    },
    auth: {
      accountCacheTtl: config.auth?.accountCacheTtl ?? 5000,
      passwordResetTtl: config.auth?.passwordResetTtl ?? PASSWORD_RESET_TTL,
      rateLimit: {
        email: {
          points: config.auth?.rateLimit?.email?.points ?? 5,
          duration: config.auth?.rateLimit?.email?.duration ?? 900,
        },
        address: {
          points: config.auth?.rateLimit?.address?.points ?? 20,
          duration: config.auth?.rateLimit?.address?.duration ?? 60,
        },
      },
    },
    admin: {
      path: (config.admin?.path ?? "/app").replace(/\/+$/, ""),
      disable: config.admin?.disable ?? false,
    },
    files: {
      provider: config.files?.provider ?? "local",
      dir: path.resolve(projectDir, config.files?.dir ?? "uploads"),
      maxSize: config.files?.maxSize ?? 10 * 1024 * 1024,
      allowedTypes: config.files?.allowedTypes ?? ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"],
      url: config.files?.url?.replace(/\/+$/, ""),
    },
    customFields: config.customFields ?? {},
    plugins: config.plugins ?? [],
    strategies: (config.strategies ?? {}) as Record<string, object>,
  };
}

/** The events notified by default, each through the built-in `log` provider. */
const DEFAULT_NOTIFICATIONS: Record<string, string> = {
  "order.placed": "log",
  "order.shipment_created": "log",
  "order.canceled": "log",
  "customer.created": "log",
};

/** The config's `notifications` over the defaults; an event set to `false` is left out. */
function resolveNotifications(given: Record<string, string | false> | undefined): Record<string, string> {
  const merged: Record<string, string | false> = { ...DEFAULT_NOTIFICATIONS, ...given };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== false));
}
