"use strict";
// A throw-away PostgreSQL database for one bench run, dropped on exit even on failure.
const { spawnSync } = require("node:child_process");
const { onCleanup } = require("./cleanup");
const busy = require("./busy");

const ADMIN_URL = process.env.KIOSK_BENCH_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";

function pgModule() {
  return require("pg");
}

/** Resolves when the server answers; rejects with a short reason otherwise. */
async function checkReachable(adminUrl = ADMIN_URL) {
  const { Client } = pgModule();
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query("SHOW server_version");
    module.exports.serverVersion = rows[0].server_version;
    return rows[0].server_version;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The URL of database `name` on the admin URL's server. */
function databaseUrl(name, adminUrl = ADMIN_URL) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Drops the database synchronously (a child node process), so it also works from
 * the process `exit` handler. FORCE ends the connections of servers still running.
 */
function dropSync(name, adminUrl = ADMIN_URL) {
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve("pg"))});
    const c = new Client({ connectionString: process.env.ADMIN_URL, connectionTimeoutMillis: 3000 });
    c.connect()
      .then(() => c.query('DROP DATABASE IF EXISTS "${name}" WITH (FORCE)'))
      .then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });
  `;
  const r = spawnSync(process.execPath, ["-e", script], { env: { ...process.env, ADMIN_URL: adminUrl }, encoding: "utf8", timeout: 15_000 });
  if (r.status !== 0) throw new Error(`could not drop database ${name}: ${r.stderr || r.signal}`);
}

/**
 * Creates `kiosk_bench_<pid>` (`kiosk_bench_<pid>_<suffix>` with a suffix, so that several
 * scenarios of one run each get a fresh one); returns `{ name, url, drop }` (drop also runs on exit).
 */
async function createDatabase(adminUrl = ADMIN_URL, { suffix } = {}) {
  const { Client } = pgModule();
  const name = `kiosk_bench_${process.pid}${suffix ? `_${suffix}` : ""}`;
  busy.usePostgres(adminUrl);
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end().catch(() => {});
  }
  const drop = onCleanup(() => dropSync(name, adminUrl));
  return { name, url: databaseUrl(name, adminUrl), drop };
}

/**
 * A copy of database `source` (CREATE DATABASE … TEMPLATE: a file copy, far faster than
 * seeding twice) named `kiosk_bench_<pid>_<suffix>`; nothing may be connected to `source`.
 * Returns `{ name, url, drop }` (drop also runs on exit).
 */
async function cloneDatabase(source, suffix, adminUrl = ADMIN_URL) {
  const { Client } = pgModule();
  const name = `kiosk_bench_${process.pid}_${suffix}`;
  busy.usePostgres(adminUrl);
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  } finally {
    await client.end().catch(() => {});
  }
  const drop = onCleanup(() => dropSync(name, adminUrl));
  return { name, url: databaseUrl(name, adminUrl), drop };
}

/** VACUUM ANALYZE after seeding, so both servers meet fresh statistics and an idle autovacuum. */
async function vacuumAnalyze(url) {
  const { Client } = pgModule();
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A connection that lists the backend pids serving a client (by its application_name),
 * so the CPU the database spends on each server can be counted. `close()` when done.
 */
async function backendMonitor(url) {
  const { Client } = pgModule();
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000, application_name: "kiosk-bench-monitor" });
  await client.connect();
  return {
    pids: async (applicationName) =>
      (await client.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", [applicationName])).rows.map((r) => r.pid),
    close: () => client.end().catch(() => {}),
  };
}

/** One query on a short-lived connection; resolves its rows. */
async function query(url, sql, params = []) {
  const { Client } = pgModule();
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000, application_name: "kiosk-bench-query" });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A connection kept open for repeated queries (polling); `close()` when done. */
async function connect(url) {
  const { Client } = pgModule();
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000, application_name: "kiosk-bench-query" });
  await client.connect();
  return { query: async (sql, params = []) => (await client.query(sql, params)).rows, close: () => client.end().catch(() => {}) };
}

/** The admin URL without its password, for messages. */
function displayUrl(url = ADMIN_URL) {
  return url.replace(/\/\/[^@/]*@/, "//");
}

module.exports = { serverVersion: undefined, ADMIN_URL, checkReachable, createDatabase, cloneDatabase, databaseUrl, vacuumAnalyze, backendMonitor, query, connect, displayUrl };
