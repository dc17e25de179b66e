import type { Client } from "pg";

/** The same server and credentials as `url`, naming another database. */
export function withDatabaseName(url: string, database: string): string {
  // pg lets the URL win over a `database` option: name the other database in the URL itself.
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A connected client (5 s connect timeout); a dropped connection surfaces through the query that needed it. */
export async function connectPostgres(url: string): Promise<Client> {
  const { Client } = require("pg") as typeof import("pg");
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  return client;
}

/** Runs one statement through a connection to `adminUrl` (any database on the server), then closes it. */
async function onServer(adminUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = await connectPostgres(adminUrl);
  try {
    await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `CREATE DATABASE name` through a connected client; false when it already exists. */
export async function createDatabaseWith(client: Client, name: string): Promise<boolean> {
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "42P04") return false; // created meanwhile
    throw err;
  }
}

/** `CREATE DATABASE name` on the server of `adminUrl`; false when it already exists. */
export async function createDatabase(adminUrl: string, name: string): Promise<boolean> {
  let created = false;
  await onServer(adminUrl, async (client) => (created = await createDatabaseWith(client, name)));
  return created;
}

/** Drops a database, closing its connections (`WITH (FORCE)`, or plainly on servers before PostgreSQL 13). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await onServer(adminUrl, (client) =>
    client
      .query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
      .catch(() => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`)),
  );
}
