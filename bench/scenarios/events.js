"use strict";
// Events through the Redis bus, end to end: `kiosk start` (production build) of a copy of
// test/fixtures/events on a fresh PostgreSQL database, with REDIS_URL and a REDIS_PREFIX of
// its own (its keys are deleted at the end). The copy keeps the fixture's routes, models and
// subscribers but not its every-second job, and runs on the default events/redis settings
// (redis.concurrency 10). 2,000 `thing.happened` events are emitted through POST /store/emit
// in transactions of 50 (4 requests in flight); the time runs from the first emit until both
// subscribers (`record` and `also-record`, each inserting a row) have recorded every event.
const fs = require("node:fs");
const path = require("node:path");
const { copyFixture } = require("../lib/fixture");
const { startKiosk, runKiosk, waitFor200, stop } = require("../lib/server-process");
const { connect, displayUrl } = require("../lib/postgres");
const { missingPostgres, freshDatabase, JWT_SECRET } = require("../lib/store");
const redis = require("../lib/redis");
const { HOST, requestJson, freePort, pool, sleep, logTail, log } = require("../lib/util");

const EVENTS = 2000;
const PER_REQUEST = 50;
const IN_FLIGHT = 4;
const SUBSCRIBERS = ["record", "also-record"];
const TIMEOUT_MS = 60_000;
const POLL_MS = 10;

async function missingPrerequisite() {
  const pg = await missingPostgres("product");
  if (pg) return pg;
  try {
    await redis.checkReachable();
  } catch (err) {
    return `Redis not reachable at ${displayUrl(redis.REDIS_URL)}: ${err.message}`;
  }
  return undefined;
}

/** Subscriber runs recorded so far, per subscriber. */
async function counts(pg) {
  const rows = await pg.query("SELECT subscriber, COUNT(*)::int AS n FROM subscriber_run GROUP BY subscriber");
  return Object.fromEntries(SUBSCRIBERS.map((s) => [s, rows.find((r) => r.subscriber === s)?.n ?? 0]));
}

/** Waits until every subscriber has recorded `n` events; returns when (performance.now()). */
async function waitForRuns(pg, n, { proc, since }) {
  for (;;) {
    const c = await counts(pg);
    if (SUBSCRIBERS.every((s) => c[s] >= n)) return performance.now();
    if (performance.now() - since > TIMEOUT_MS) throw new Error(`subscribers recorded ${JSON.stringify(c)} of ${n} events within ${TIMEOUT_MS} ms.\n${logTail(proc.logFile)}`);
    await sleep(POLL_MS);
  }
}

async function run() {
  const missing = await missingPrerequisite();
  if (missing) {
    log(`events: skipped: ${missing}`);
    return { skipped: missing };
  }
  const db = await freshDatabase("events");
  if (db.skipped) {
    log(`events: skipped: ${db.skipped}`);
    return db;
  }
  const keys = redis.tempPrefix("events");
  let proc;
  let pg;
  try {
    const dir = copyFixture("events");
    fs.rmSync(path.join(dir, "src", "jobs"), { recursive: true, force: true });
    fs.writeFileSync(path.join(dir, "kiosk.config.ts"), 'import { defineConfig } from "kiosk";\n\nexport default defineConfig({});\n');
    log(`events: database ${db.name}, Redis prefix ${keys.prefix}; kiosk migrate + build on a copy of the events fixture`);
    runKiosk(["migrate", "--cwd", dir], { cwd: dir, env: { DATABASE_URL: db.url } });
    runKiosk(["build", "--cwd", dir], { cwd: dir });
    const port = await freePort();
    proc = startKiosk("start", {
      dir,
      port,
      env: { DATABASE_URL: db.url, REDIS_URL: redis.REDIS_URL, REDIS_PREFIX: keys.prefix, JWT_SECRET, LOG_LEVEL: "warn" },
      extraArgs: ["--host", HOST],
    });
    await waitFor200(proc, port, "/health");
    pg = await connect(db.url);

    // One event first: the Worker is up and both subscribers run before the clock starts.
    const warm = performance.now();
    await requestJson(port, "/store/emit", { method: "POST", body: { count: 1 } });
    await waitForRuns(pg, 1, { proc, since: warm });
    const base = 1;

    log(`events: emitting ${EVENTS} events in ${EVENTS / PER_REQUEST} requests of ${PER_REQUEST}, ${IN_FLIGHT} in flight`);
    const t0 = performance.now();
    await pool(IN_FLIGHT, Array.from({ length: EVENTS / PER_REQUEST }, (_, i) => i), async () => {
      const r = await requestJson(port, "/store/emit", { method: "POST", body: { count: PER_REQUEST } });
      if (r.emitted !== PER_REQUEST) throw new Error(`POST /store/emit emitted ${r.emitted}, expected ${PER_REQUEST}`);
    });
    const emittedAt = performance.now();
    const doneAt = await waitForRuns(pg, base + EVENTS, { proc, since: t0 });
    const ms = doneAt - t0;

    await sleep(300); // a late duplicate would show up here
    const [{ runs, distinct }] = await pg.query("SELECT COUNT(*)::int AS runs, COUNT(DISTINCT (subscriber, event_id))::int AS distinct FROM subscriber_run");
    const [{ n: outbox }] = await pg.query("SELECT COUNT(*)::int AS n FROM kiosk_outbox");
    const out = {
      events: EVENTS,
      perRequest: PER_REQUEST,
      inFlight: IN_FLIGHT,
      subscribers: SUBSCRIBERS.length,
      concurrency: 10, // kiosk's default redis.concurrency: the copy's config sets nothing
      ms,
      emitMs: emittedAt - t0,
      eventsPerSec: (1000 * EVENTS) / ms,
      jobsPerSec: (1000 * EVENTS * SUBSCRIBERS.length) / ms,
      duplicates: runs - distinct,
      outboxLeft: outbox,
    };
    log(
      `events: ${EVENTS} events x ${SUBSCRIBERS.length} subscribers in ${(ms / 1000).toFixed(2)} s (emits answered after ${(out.emitMs / 1000).toFixed(2)} s): ` +
        `${out.eventsPerSec.toFixed(0)} events/s, ${out.jobsPerSec.toFixed(0)} subscriber runs/s; ${out.duplicates} duplicate runs, ${outbox} outbox rows left`,
    );
    return out;
  } finally {
    await pg?.close();
    if (proc) await stop(proc);
    try {
      const n = keys.remove();
      log(`events: deleted ${n} Redis keys under ${keys.prefix}`);
    } catch (err) {
      log(`events: ${err.message}`);
    }
    db.drop();
  }
}

module.exports = { run };
