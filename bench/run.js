"use strict";
// Benchmark: boot time, idle RSS and throughput of `kiosk start` on the basic fixture,
// compared with a bare express app. Run with `npm run bench`.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const http = require("node:http");
const { spawn, spawnSync } = require("node:child_process");
const autocannon = require("autocannon");

const repoRoot = path.resolve(__dirname, "..");
const kioskBin = path.join(repoRoot, "bin", "kiosk.js");
const HOST = "127.0.0.1";
const KIOSK_PORT = 19301;
const EXPRESS_PORT = 19302;
const BOOT_RUNS = 3;
const CONNECTIONS = 32;
const WARMUP_S = 1;
const DURATION_S = 5;
const BOOT_TIMEOUT_MS = 30_000;
const WATCHDOG_MS = 5 * 60_000;

const children = new Set();
let projectDir;

// ---------- process hygiene ----------

function killAll(signal = "SIGKILL") {
  for (const child of children) {
    try {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function cleanupDir() {
  if (projectDir) {
    try {
      fs.rmSync(projectDir, { recursive: true, force: true });
    } catch {
      // best effort
    }
    projectDir = undefined;
  }
}

process.on("exit", () => {
  killAll("SIGKILL");
  cleanupDir();
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    process.stderr.write(`\nbench: got ${sig}, stopping\n`);
    process.exit(130);
  });
}
const watchdog = setTimeout(() => {
  process.stderr.write(`bench: watchdog fired after ${WATCHDOG_MS} ms, aborting\n`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of ["NODE_ENV", "DATABASE_URL", "REDIS_URL", "PORT", "JWT_SECRET", "KIOSK_DEBUG", "NODE_OPTIONS"]) delete env[k];
  return { ...env, ...extra };
}

function track(child) {
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if it doesn't exit within `ms`. */
function stop(child, ms = 5000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch {}
    }, ms);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// ---------- helpers ----------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function getStatus(port, p) {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: p, agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
      res.on("error", () => resolve(0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

function logTail(file, n = 30) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-n).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Polls `path` every 10 ms until it answers 200; returns ms since `t0`. */
async function waitFor200(child, port, p, t0, logFile) {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}) before serving.\n${logTail(logFile)}`);
    }
    if ((await getStatus(port, p)) === 200) return performance.now() - t0;
    if (performance.now() - t0 > BOOT_TIMEOUT_MS) throw new Error(`no 200 on ${p} within ${BOOT_TIMEOUT_MS} ms.\n${logTail(logFile)}`);
    await sleep(10);
  }
}

function rssMB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

function runCmd(args, env) {
  const r = spawnSync(process.execPath, [kioskBin, ...args], { cwd: projectDir, env, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(`kiosk ${args.join(" ")} failed (status ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}

function cannon(url, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function load(url) {
  await cannon(url, WARMUP_S);
  const r = await cannon(url, DURATION_S);
  return {
    url,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

// ---------- servers ----------

function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const srv = require("node:net").createServer();
    srv.once("error", (e) => reject(new Error(`port ${HOST}:${port} is not free (${e.code}); is another server running?`)));
    srv.listen(port, HOST, () => srv.close(() => resolve()));
  });
}

function spawnKiosk(logFile) {
  const fd = fs.openSync(logFile, "a");
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [kioskBin, "start", "--cwd", projectDir, "--port", String(KIOSK_PORT), "--host", HOST],
    { cwd: projectDir, env: cleanEnv({ JWT_SECRET: "bench-secret" }), stdio: ["ignore", fd, fd] },
  );
  fs.closeSync(fd);
  track(child);
  return { child, t0 };
}

const EXPRESS_SRC = `
"use strict";
const express = require(${JSON.stringify(require.resolve("express", { paths: [repoRoot] }))});
const app = express();
app.get("/hello", (req, res) => { res.json({ hello: "world" }); });
const server = app.listen(${EXPRESS_PORT}, ${JSON.stringify(HOST)});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;

async function startExpress(logFile) {
  const fd = fs.openSync(logFile, "a");
  const t0 = performance.now();
  const child = spawn(process.execPath, ["-e", EXPRESS_SRC], { env: cleanEnv({ NODE_ENV: "production" }), stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  track(child);
  await waitFor200(child, EXPRESS_PORT, "/hello", t0, logFile);
  return child;
}

// ---------- main ----------

async function main() {
  projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-bench-"));
  fs.cpSync(path.join(repoRoot, "test", "fixtures", "basic"), projectDir, { recursive: true });
  fs.mkdirSync(path.join(projectDir, "node_modules"), { recursive: true });
  fs.symlinkSync(repoRoot, path.join(projectDir, "node_modules", "kiosk"), "dir");
  const logFile = path.join(projectDir, "kiosk-start.log");
  const expressLog = path.join(projectDir, "express.log");

  console.log(`bench: fixture at ${projectDir}`);
  console.log("bench: kiosk build + migrate ...");
  runCmd(["build", "--cwd", projectDir], cleanEnv());
  runCmd(["migrate", "--cwd", projectDir], cleanEnv());

  // 1 + 2: boot time and idle RSS, BOOT_RUNS times; the last server stays up for the load test.
  const boots = [];
  const rss = [];
  let server;
  for (let i = 0; i < BOOT_RUNS; i++) {
    await assertPortFree(KIOSK_PORT);
    const { child, t0 } = spawnKiosk(logFile);
    const ms = await waitFor200(child, KIOSK_PORT, "/health", t0, logFile);
    boots.push(ms);
    await sleep(1000);
    rss.push(rssMB(child.pid));
    console.log(`bench: boot run ${i + 1}: ${ms.toFixed(1)} ms, idle RSS ${rss[i].toFixed(1)} MB`);
    if (i < BOOT_RUNS - 1) await stop(child);
    else server = child;
  }

  // 3: throughput of the started server.
  const notesStatus = await getStatus(KIOSK_PORT, "/store/notes");
  if (notesStatus !== 200) throw new Error(`GET /store/notes answered ${notesStatus}, expected 200.\n${logTail(logFile)}`);
  console.log("bench: load kiosk /health ...");
  const kioskHealth = await load(`http://${HOST}:${KIOSK_PORT}/health`);
  console.log("bench: load kiosk /store/notes ...");
  const kioskNotes = await load(`http://${HOST}:${KIOSK_PORT}/store/notes`);
  await stop(server);

  // 4: bare express, same run, separate process.
  await assertPortFree(EXPRESS_PORT);
  const express = await startExpress(expressLog);
  console.log("bench: load bare express /hello ...");
  const bare = await load(`http://${HOST}:${EXPRESS_PORT}/hello`);
  await stop(express);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    config: { bootRuns: BOOT_RUNS, connections: CONNECTIONS, warmupSeconds: WARMUP_S, durationSeconds: DURATION_S },
    boot: { medianMs: median(boots), runsMs: boots },
    idleRss: { medianMB: median(rss), runsMB: rss },
    load: { kioskHealth, kioskNotes, bareExpress: bare },
    kioskNotesPctOfExpress: (100 * kioskNotes.reqPerSec) / bare.reqPerSec,
    kioskHealthPctOfExpress: (100 * kioskHealth.reqPerSec) / bare.reqPerSec,
  };

  fs.mkdirSync(path.join(__dirname, "results"), { recursive: true });
  fs.writeFileSync(path.join(__dirname, "results", "latest.json"), JSON.stringify(results, null, 2) + "\n");

  const f = (n, d = 1) => n.toFixed(d);
  const row = (name, r) => {
    const warn = r.non2xx || r.errors || r.timeouts ? `  (non2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})` : "";
    return `${name.padEnd(24)} ${f(r.reqPerSec, 0).padStart(9)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}${warn}`;
  };
  console.log("");
  console.log(`kiosk bench  (node ${process.version}, ${os.cpus().length} cpus, ${CONNECTIONS} connections, ${DURATION_S}s after ${WARMUP_S}s warm-up)`);
  console.log("");
  console.log(`boot to first /health 200 (median of ${BOOT_RUNS}): ${f(results.boot.medianMs)} ms   [${boots.map((b) => f(b)).join(", ")}]`);
  console.log(`idle RSS ~1 s after boot   (median of ${BOOT_RUNS}): ${f(results.idleRss.medianMB)} MB   [${rss.map((b) => f(b)).join(", ")}]`);
  console.log("");
  console.log(`${"target".padEnd(24)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}`);
  console.log(row("kiosk GET /health", kioskHealth));
  console.log(row("kiosk GET /store/notes", kioskNotes));
  console.log(row("express GET /hello", bare));
  console.log("");
  console.log(`kiosk /store/notes req/s = ${f(results.kioskNotesPctOfExpress)}% of bare express  (/health: ${f(results.kioskHealthPctOfExpress)}%)`);
  console.log(`results written to ${path.relative(repoRoot, path.join(__dirname, "results", "latest.json"))}`);
}

main().then(
  () => {
    killAll("SIGKILL");
    cleanupDir();
    process.exit(0);
  },
  (err) => {
    process.stderr.write(`bench failed: ${err && err.stack ? err.stack : err}\n`);
    killAll("SIGKILL");
    cleanupDir();
    process.exit(1);
  },
);
