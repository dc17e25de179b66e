import type { Client } from "pg";
import { connectPostgres, createDatabaseWith, dropDatabase, withDatabaseName } from "../../kernel/database/postgres-admin";
import { CliError } from "../cli-error";

/** A PostgreSQL database name from a package name: `@acme/my-shop` -> `my_shop`. */
export function databaseNameFor(packageName: string): string {
  const base = packageName.replace(/^@[^/]+\//, "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return (base || "kiosk").slice(0, 63);
}

export function defaultDatabaseUrl(packageName: string): string {
  return `postgres://postgres@127.0.0.1:5432/${databaseNameFor(packageName)}`;
}

/** Checks a `--db-url`: a postgres:// URL naming a database. Returns the database name. */
export function parseDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError("CREATE_STORE_BAD_ARGUMENT", `--db-url is not a URL: "${url}"`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new CliError("CREATE_STORE_BAD_ARGUMENT", `--db-url must start with postgres://, got "${parsed.protocol}//…"`);
  }
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!name || name.includes("/")) {
    throw new CliError("CREATE_STORE_BAD_ARGUMENT", `--db-url must name a database, as in postgres://user@host:5432/my_store`);
  }
  return name;
}

/** host:port of a URL, for messages (never the password). */
function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname || "localhost"}:${u.port || 5432}`;
}

function reason(err: unknown): string {
  const e = err as Error & { code?: string; errors?: Error[] };
  // pg reports "connect ECONNREFUSED" through an AggregateError when localhost resolves to two addresses.
  const message = e.message || e.errors?.[0]?.message || e.code || String(err);
  return message.split("\n")[0];
}

/**
 * Makes sure the database of `url` exists and is empty: connects to it, and when the
 * server says it does not exist, connects to the server's `postgres` database and
 * creates it. One that already holds tables is refused before anything is made.
 * Returns whether it was created (so a failure later can drop it again).
 */
export async function ensureDatabase(url: string): Promise<{ created: boolean }> {
  const name = parseDatabaseUrl(url);
  let tables: string[];
  try {
    const client = await connectPostgres(url);
    try {
      tables = await userTables(client);
    } finally {
      await client.end();
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "3D000") {
      throw new CliError("CREATE_STORE_DB_UNREACHABLE", `cannot connect to PostgreSQL at ${where(url)}: ${reason(err)}`);
    }
    return { created: await createDatabase(url, name) };
  }
  if (tables.length) {
    // Migrating and seeding over another application's tables (or another store's) would mix the two.
    const shown = tables.slice(0, 3).join(", ") + (tables.length > 3 ? ", …" : "");
    throw new CliError(
      "CREATE_STORE_DB_NOT_EMPTY",
      `database "${name}" at ${where(url)} already holds ${tables.length} table${tables.length > 1 ? "s" : ""} (${shown}): name a new database in --db-url`,
    );
  }
  return { created: false };
}

/** The tables of a database outside PostgreSQL's own schemas. */
async function userTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%'
      ORDER BY 1`,
  );
  return rows.map((r) => r.name.replace(/^public\./, ""));
}

/** Creates the database of `url` through the server's `postgres` database; false if it appeared meanwhile. */
async function createDatabase(url: string, name: string): Promise<boolean> {
  let admin: Client;
  try {
    admin = await connectPostgres(withDatabaseName(url, "postgres"));
  } catch (err) {
    throw new CliError("CREATE_STORE_DB_UNREACHABLE", `database "${name}" does not exist and the server's "postgres" database is not reachable to create it: ${reason(err)}`);
  }
  try {
    return await createDatabaseWith(admin, name);
  } catch (err) {
    throw new CliError("CREATE_STORE_DB_CREATE", `cannot create database "${name}" at ${where(url)}: ${reason(err)}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Drops a database this run created (on failure). Best effort: the failure being reported matters more. */
export async function dropCreatedDatabase(url: string): Promise<void> {
  await dropDatabase(withDatabaseName(url, "postgres"), parseDatabaseUrl(url));
}
