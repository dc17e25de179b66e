"use strict";
const fs = require("node:fs");
const http = require("node:http");
const net = require("node:net");
const path = require("node:path");

const HOST = "127.0.0.1";
const repoRoot = path.resolve(__dirname, "..", "..");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The environment for a child: ours without the variables that would change what kiosk does,
 * and explicit CORS origins (`kiosk start` refuses to serve in production without them).
 */
function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of ["NODE_ENV", "DATABASE_URL", "REDIS_URL", "PORT", "JWT_SECRET", "KIOSK_DEBUG", "NODE_OPTIONS", "LOG_LEVEL", "STORE_CORS", "ADMIN_CORS"]) delete env[k];
  return { ...env, STORE_CORS: "http://shop.bench", ADMIN_CORS: "http://admin.bench", ...extra };
}

/**
 * One HTTP request; resolves `{ status, body, headers }` (status 0 on a connection
 * error or timeout), never rejects unless `json` parsing of a 2xx body fails.
 */
function request(port, p, { method = "GET", body, headers = {}, agent = false, timeout = 2000 } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: HOST,
        port,
        path: p,
        method,
        agent,
        timeout,
        headers: payload ? { "content-type": "application/json", "content-length": payload.length, ...headers } : headers,
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
        res.on("error", (e) => resolve({ status: 0, body: "", error: e }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: 0, body: "", error: e }));
    if (payload) req.write(payload);
    req.end();
  });
}

/** A request whose answer must be 2xx JSON; throws with the body otherwise. */
async function requestJson(port, p, opts = {}) {
  const r = await request(port, p, { timeout: 30_000, ...opts });
  if (r.status < 200 || r.status >= 300) {
    throw new Error(`${opts.method ?? "GET"} ${p} answered ${r.status}${r.error ? ` (${r.error.message})` : ""}: ${r.body.slice(0, 500)}`);
  }
  return r.body ? JSON.parse(r.body) : undefined;
}

function logTail(file, n = 30) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-n).join("\n");
  } catch {
    return "(no log)";
  }
}

function rssMB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Deep comparison; returns undefined when equal, else a description of the first difference. */
function firstDifference(a, b, at = "$") {
  if (Object.is(a, b)) return undefined;
  const ta = Array.isArray(a) ? "array" : a === null ? "null" : typeof a;
  const tb = Array.isArray(b) ? "array" : b === null ? "null" : typeof b;
  const show = (v) => {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 117)}...` : s;
  };
  if (ta !== tb) return `${at}: ${show(a)} vs ${show(b)}`;
  if (ta === "array") {
    if (a.length !== b.length) return `${at}.length: ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (ta === "object") {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const missing = ka.filter((k) => !(k in b));
    if (missing.length) return `${at}.${missing[0]}: present (${show(a[missing[0]])}) vs missing`;
    const extra = kb.filter((k) => !(k in a));
    if (extra.length) return `${at}.${extra[0]}: missing vs present (${show(b[extra[0]])})`;
    for (const k of ka) {
      const d = firstDifference(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${at}: ${show(a)} vs ${show(b)}`;
}

module.exports = { HOST, repoRoot, sleep, median, cleanEnv, request, requestJson, logTail, rssMB, freePort, firstDifference };

/** Progress lines go to stderr, the report to stdout. */
function log(msg) {
  process.stderr.write(`bench: ${msg}\n`);
}
module.exports.log = log;

/** The p-th percentile (0-100) of `xs`, nearest rank; NaN when empty. */
function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** The pids of every descendant of `pid` (children, grandchildren...), from /proc; [] off Linux. */
function descendantPids(pid) {
  const parentOf = new Map();
  let entries;
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      parentOf.set(Number(e), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone
    }
  }
  const out = [];
  let frontier = [pid];
  while (frontier.length) {
    const next = [];
    for (const [child, parent] of parentOf) if (frontier.includes(parent)) next.push(child);
    out.push(...next);
    frontier = next;
  }
  return out;
}

/** Runs `fn(item, i)` over `items` with at most `n` running at once. */
async function pool(n, items, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/** "1.2 s" / "850 ms". */
function seconds(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

Object.assign(module.exports, { percentile, descendantPids, pool, seconds });
