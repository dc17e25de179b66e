"use strict";
// autocannon wrapper: a short warm-up, then the measured run.
const fs = require("node:fs");
const autocannon = require("autocannon");

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

function cpuTicks() {
  try {
    const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + f[4], total: f.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/**
 * The share of the machine's CPU busy over `ms` (undefined off Linux). Taken while the
 * servers under test are idle, it is the load of other processes, which skews the numbers.
 */
async function backgroundBusyPct(ms = 500) {
  const a = cpuTicks();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTicks();
  if (!a || !b || b.total === a.total) return undefined;
  return 100 * (1 - (b.idle - a.idle) / (b.total - a.total));
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
 */
async function load(url, { connections = CONNECTIONS, duration = DURATION_S, warmup = WARMUP_S, pids, request } = {}) {
  const background = await backgroundBusyPct();
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
    backgroundBusyPct: background,
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
  process.stderr.write(`bench: load: ${key} ${path}${round ? ` (round ${round + 1})` : ""}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${cpu}${f ? ` (${f})` : ""}\n`);
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
