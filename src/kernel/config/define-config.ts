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
  };
  redis?: {
    /** Env: REDIS_URL. With it, events go through BullMQ on Redis. */
    url?: string;
  };
  http?: {
    /** Env: PORT. */
    port?: number;
    /** CORS origins for /store, comma separated. Env: STORE_CORS. */
    storeCors?: string;
    /** CORS origins for /admin, comma separated. Env: ADMIN_CORS. */
    adminCors?: string;
    /** Largest JSON body accepted, e.g. "1mb". */
    bodyLimit?: string;
    /** Secret used to sign auth tokens. Env: JWT_SECRET. Required in production. */
    jwtSecret?: string;
  };
  plugins?: PluginEntry[];
}

/** Typed identity helper for `kiosk.config.ts`: `export default defineConfig({ … })`. */
export function defineConfig(config: KioskConfig): KioskConfig {
  return config;
}
