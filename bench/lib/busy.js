"use strict";
// How busy the machine is with processes other than the bench's own, and waiting for the
// bench's own processes to go quiet before a measurement.
//
// The bench's own processes: this process (autocannon runs in it), everything it spawned
// (its descendants, and the members of the process groups it started detached, which keep
// their group when reparented), and, when PostgreSQL runs on this machine, the backends
// connected to the bench's databases (`kiosk_bench_<pid>`, `kiosk_bench_<pid>_<part>`,
// autovacuum workers on them included) and the connection this module asks through.
// Everything else, PostgreSQL's shared background processes (checkpointer, WAL writer) and
// Redis included, counts as other processes.
const fs = require("node:fs");
const { groupIds } = require("./cleanup");

const TICK_MS = 10; // USER_HZ is 100 on Linux
/** One sample of the machine: this long (ms). */
const WINDOW_MS = 500;
/** The bench's own processes count as quiet below this share of one cpu. */
const QUIET_CPU_PCT = 5;
/** The longest the bench waits for its own processes to go quiet before a measurement. */
const SETTLE_MAX_MS = 5000;

/** Machine ticks since boot: { idle, total } (all cpus, idle including iowait); undefined off Linux. */
function machineTicks() {
  try {
    const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + f[4], total: f.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/** Every process: pid -> { ppid, pgid, ticks (user + system), comm }, from /proc. */
function processTable() {
  const out = new Map();
  let entries;
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const f = stat.slice(close + 2).split(" ");
      out.set(Number(e), { comm: stat.slice(stat.indexOf("(") + 1, close), ppid: Number(f[1]), pgid: Number(f[2]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone
    }
  }
  return out;
}

/** This process, its descendants and the members of the groups it started. */
function ownLocalPids(table) {
  const own = new Set([process.pid]);
  const groups = new Set(groupIds());
  for (const [pid, p] of table) if (groups.has(p.pgid)) own.add(pid);
  // Descendants: parents before children is not guaranteed, so repeat until nothing is added.
  for (let added = true; added; ) {
    added = false;
    for (const [pid, p] of table) {
      if (!own.has(pid) && own.has(p.ppid)) {
        own.add(pid);
        added = true;
      }
    }
  }
  return own;
}

// PostgreSQL: a connection of its own, opened once the bench has created a database.
let pg; // { client, local } | { unavailable: true }
let pgUsed = false;

/** Called by postgres.js when it creates a database: from then on its backends are looked up. */
function usePostgres(adminUrl) {
  pgUsed = adminUrl;
}

async function pgClient() {
  if (!pgUsed) return undefined;
  if (pg) return pg.unavailable ? undefined : pg;
  try {
    const { Client } = require("pg");
    const client = new Client({ connectionString: pgUsed, connectionTimeoutMillis: 3000, application_name: "kiosk-bench-busy" });
    await client.connect();
    const { rows } = await client.query("SELECT pg_backend_pid() AS pid");
    // The pids mean something here only if the server runs on this machine (not in a container of its own).
    let comm = "";
    try {
      comm = fs.readFileSync(`/proc/${rows[0].pid}/comm`, "utf8").trim();
    } catch {
      // not here
    }
    if (!comm.startsWith("postgres")) {
      await client.end().catch(() => {});
      pg = { unavailable: true };
      return undefined;
    }
    client.on("error", () => {
      pg = { unavailable: true };
    });
    pg = { client };
    return pg;
  } catch {
    pg = { unavailable: true };
    return undefined;
  }
}

/** The backends of the bench's databases, and of the connection asking. */
async function ownPostgresPids() {
  const c = await pgClient();
  if (!c) return [];
  const name = `kiosk_bench_${process.pid}`;
  try {
    const { rows } = await c.client.query(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 OR left(datname, length($2)) = $2 OR pid = pg_backend_pid()",
      [name, `${name}_`],
    );
    return rows.map((r) => r.pid);
  } catch {
    return [];
  }
}

/** Closes the PostgreSQL connection, if one was opened. */
async function close() {
  if (pg?.client) await pg.client.end().catch(() => {});
  pg = undefined;
}

/** A snapshot: machine ticks, the process table, and which pids are the bench's. */
async function snapshot() {
  const pgPids = await ownPostgresPids();
  const table = processTable();
  const machine = machineTicks();
  const own = ownLocalPids(table);
  for (const pid of pgPids) if (table.has(pid)) own.add(pid);
  return { machine, table, own, at: performance.now() };
}

/**
 * The machine over one window: `busyPct` (all processes), `ownPct` (the bench's) and
 * `othersPct` (the rest), each a share of the whole machine (all cpus), and `ownCpuPct`
 * (the bench's as a share of one cpu). A process counts as the bench's if it was at either
 * end of the window; one that ends inside the window takes its last CPU time with it.
 */
async function sample(ms = WINDOW_MS) {
  const a = await snapshot();
  await new Promise((r) => setTimeout(r, ms));
  const b = await snapshot();
  if (!a.machine || !b.machine || b.machine.total === a.machine.total) return undefined;
  const total = b.machine.total - a.machine.total;
  const busy = total - (b.machine.idle - a.machine.idle);
  let own = 0;
  for (const pid of new Set([...a.own, ...b.own])) {
    const after = b.table.get(pid);
    if (!after) continue;
    own += after.ticks - (a.table.get(pid)?.ticks ?? 0);
  }
  own = Math.min(own, busy);
  const wallMs = b.at - a.at;
  return {
    busyPct: (100 * busy) / total,
    ownPct: (100 * own) / total,
    othersPct: (100 * Math.max(0, busy - own)) / total,
    ownCpuPct: (100 * own * TICK_MS) / wallMs,
  };
}

/**
 * Waits (at most `maxMs`) until the bench's own processes use less than QUIET_CPU_PCT of one
 * cpu over a window, then reports the last window: { othersPct, ownCpuPct, settleMs, settled }.
 * With `settle: false` (measuring while the bench is deliberately busy) one window, no wait.
 * Undefined off Linux.
 */
async function measureBackground({ settle = true, maxMs = SETTLE_MAX_MS, windowMs = WINDOW_MS } = {}) {
  const t0 = performance.now();
  for (;;) {
    const s = await sample(windowMs);
    if (!s) return undefined;
    const settled = s.ownCpuPct < QUIET_CPU_PCT;
    const waited = performance.now() - t0;
    if (!settle || settled || waited + windowMs > maxMs) {
      return { othersPct: s.othersPct, ownCpuPct: s.ownCpuPct, settleMs: Math.max(0, waited - windowMs), settled };
    }
  }
}

module.exports = { measureBackground, sample, usePostgres, close, QUIET_CPU_PCT, SETTLE_MAX_MS, WINDOW_MS };
