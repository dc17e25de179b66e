"use strict";
// autocannon wrapper: a short warm-up, then the measured run.
const fs = require("node:fs");
const autocannon = require("autocannon");
const { measureBackground, SETTLE_MAX_MS } = require("./busy");

const CONNECTIONS = 32; // the same as the CLI's `autocannon -c 32`
const WARMUP_S = 1;
const DURATION_S = 5;

/** `request` (optional): { method, body (an object, sent as JSON), headers } for every request. */
function cannon(url, { connections, duration, request }) {
  const opts = { url, connections, duration };
  if (request) {
    opts.method = request.method ?? "GET";
    if (request.body !== undefined) opts.body = JSON.stringify(request.body);
    opts.headers = { ...(request.body !== undefined ? { "content-type": "application/json" } : {}), ...request.headers };
  }
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * The share of the machine's CPU (all cpus) other processes kept busy over one sample, after
 * waiting (a few seconds at most) for the bench's own processes (its servers, their PostgreSQL
 * backends, itself) to go quiet: see busy.js. Undefined off Linux.
 */
async function backgroundBusyPct(opts) {
  return (await background(opts))?.othersPct;
}

/** measureBackground, and a progress line when the bench's own processes did not go quiet in time. */
async function background(opts) {
  const bg = await measureBackground(opts);
  if (bg && opts?.settle !== false && !bg.settled) {
    process.stderr.write(`bench: the bench's own processes still used ${bg.ownCpuPct.toFixed(0)}% of a cpu after ${(SETTLE_MAX_MS / 1000).toFixed(0)} s; measuring anyway\n`);
  }
  return bg;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system, ms) of each pid, from /proc; a pid that is gone is left out. */
function cpuMsOf(pids) {
  const out = new Map();
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(pid, (Number(f[11]) + Number(f[12])) * TICK_MS);
    } catch {
      // gone, or not Linux
    }
  }
  return out;
}

/**
 * Loads `url` with `connections` keep-alive connections for `duration` s after a
 * `warmup` s run; returns req/s (mean of the per-second samples), p50 and p99 latency (ms)
 * and the failure counters. With `pids` (async () => the server's processes, e.g. its
 * node process and its database backends), also the CPU they spent per request during
 * the measured run, which other processes on a shared machine skew far less than req/s.
 * `request` ({ method, body, headers }) loads something other than a GET, e.g. a POST with a JSON body.
 * Before the warm-up it waits for the bench's own processes to go quiet and notes how busy other
 * processes keep the machine (`backgroundBusyPct`); `settle: false` skips the wait, for a load
 * that runs while the bench is deliberately busy with something else.
 */
async function load(url, { connections = CONNECTIONS, duration = DURATION_S, warmup = WARMUP_S, pids, request, settle = true } = {}) {
  const bg = await background({ settle });
  if (warmup > 0) await cannon(url, { connections, duration: warmup, request });
  const before = pids ? cpuMsOf(await pids()) : undefined;
  const r = await cannon(url, { connections, duration, request });
  let cpuMsPerReq;
  if (pids) {
    const after = cpuMsOf(await pids());
    let spent = 0;
    for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
    cpuMsPerReq = r.requests.total ? spent / r.requests.total : undefined;
  }
  return {
    url,
    connections,
    duration,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    backgroundBusyPct: bg?.othersPct,
    backgroundSettleMs: bg?.settleMs,
    cpuMsPerReq,
  };
}

/** "" when the run was clean, else a short note of what failed. */
function failures(r) {
  return r.non2xx || r.errors || r.timeouts ? `non2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}` : "";
}

module.exports = { load, failures, backgroundBusyPct, CONNECTIONS, WARMUP_S, DURATION_S };

/** One progress line per measured run. */
function logResult(key, r, round) {
  const f = failures(r);
  const path = r.url.replace(/^http:\/\/[^/]+/, "");
  const cpu = r.cpuMsPerReq === undefined ? "" : `, server CPU ${r.cpuMsPerReq.toFixed(3)} ms/req`;
  const waited = r.backgroundSettleMs >= 100 ? `, after ${(r.backgroundSettleMs / 1000).toFixed(1)} s waiting for the bench's own processes` : "";
  const others = r.backgroundBusyPct === undefined ? "" : `; other processes ${r.backgroundBusyPct.toFixed(0)}% busy before${waited}`;
  process.stderr.write(`bench: load: ${key} ${path}${round ? ` (round ${round + 1})` : ""}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${cpu}${f ? ` (${f})` : ""}${others}\n`);
}

/**
 * Loads each of `targets` ({ key: url or { url, pids, request } }) in turn, `rounds` times, alternating, so that
 * drift of a shared machine hits every target alike; the warm-up runs in the first round
 * only. Returns { key: result } with req/s, p50 and p99 averaged over the rounds, the
 * counters summed, and each round's numbers in `rounds`.
 */
async function loadAlternating(targets, { rounds = 1, onResult = logResult } = {}) {
  const runs = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [key, target] of Object.entries(targets)) {
      const { url, pids, request } = typeof target === "string" ? { url: target } : target;
      const r = await load(url, { warmup: round === 0 ? WARMUP_S : 0, pids, request });
      runs[key].push(r);
      onResult(key, r, round);
    }
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const out = {};
  for (const [key, rs] of Object.entries(runs)) {
    out[key] = {
      url: rs[0].url,
      connections: rs[0].connections,
      duration: rs[0].duration,
      reqPerSec: mean(rs.map((r) => r.reqPerSec)),
      p50: mean(rs.map((r) => r.p50)),
      p99: mean(rs.map((r) => r.p99)),
      total: sum(rs.map((r) => r.total)),
      non2xx: sum(rs.map((r) => r.non2xx)),
      errors: sum(rs.map((r) => r.errors)),
      timeouts: sum(rs.map((r) => r.timeouts)),
      backgroundBusyPct: Math.max(...rs.map((r) => r.backgroundBusyPct ?? 0)),
      cpuMsPerReq: rs.every((r) => r.cpuMsPerReq !== undefined) ? mean(rs.map((r) => r.cpuMsPerReq)) : undefined,
      rounds: rs.map(({ reqPerSec, p50, p99, backgroundBusyPct, cpuMsPerReq }) => ({ reqPerSec, p50, p99, backgroundBusyPct, cpuMsPerReq })),
    };
  }
  return out;
}

module.exports.loadAlternating = loadAlternating;
module.exports.logResult = logResult;
module.exports.cpuMsOf = cpuMsOf;
