"use strict";
// Starting, waiting for and stopping server processes (the real `kiosk` bin, or any node script).
const fs = require("node:fs");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");
const { track, alive } = require("./cleanup");
const { repoRoot, sleep, request, logTail, cleanEnv } = require("./util");

const kioskBin = path.join(repoRoot, "bin", "kiosk.js");

/**
 * Spawns `node <args>` with its output appended to `logFile`. Detached in its own
 * process group so that stopping it also stops anything it forked (kiosk develop's worker).
 * Returns `{ child, t0, logFile }`; t0 is taken just before the spawn.
 */
function startNode(args, { cwd, env, logFile }) {
  const fd = fs.openSync(logFile, "a");
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", fd, fd], detached: true });
  fs.closeSync(fd);
  track(child, { group: true });
  return { child, t0, logFile };
}

/** `kiosk <command> --cwd dir --port port [...extra]` as a server. */
function startKiosk(command, { dir, port, env = {}, extraArgs = [], nodeArgs = [], logFile }) {
  return startNode([...nodeArgs, kioskBin, command, "--cwd", dir, "--port", String(port), ...extraArgs], {
    cwd: dir,
    env: cleanEnv(env),
    logFile: logFile ?? path.join(dir, `kiosk-${command}.log`),
  });
}

/** Runs a kiosk command to completion (build, migrate, user create); throws with its output if it fails. */
function runKiosk(args, { cwd, env = {}, timeout = 120_000 }) {
  const r = spawnSync(process.execPath, [kioskBin, ...args], { cwd, env: cleanEnv(env), encoding: "utf8", timeout });
  if (r.status !== 0) {
    throw new Error(`kiosk ${args.join(" ")} failed (status ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** Polls `p` every `everyMs` until it answers 200; returns ms since the process's t0. */
async function waitFor200(proc, port, p, { timeoutMs = 30_000, everyMs = 10 } = {}) {
  for (;;) {
    if (!alive(proc.child)) {
      throw new Error(`server exited (code ${proc.child.exitCode}, signal ${proc.child.signalCode}) before serving ${p}.\n${logTail(proc.logFile)}`);
    }
    const r = await request(port, p, { timeout: 1000 });
    if (r.status === 200) return performance.now() - proc.t0;
    if (performance.now() - proc.t0 > timeoutMs) throw new Error(`no 200 on ${p} within ${timeoutMs} ms (last: ${r.status}).\n${logTail(proc.logFile)}`);
    await sleep(everyMs);
  }
}

/** SIGTERM to the process, then SIGKILL to its whole group if it hasn't exited within `ms`. */
function stop(proc, ms = 5000) {
  const { child } = proc;
  return new Promise((resolve) => {
    if (!alive(child)) return resolve();
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // gone
      }
    }, ms);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Spawns any command (`npm run dev`, ...) like startNode: detached in its own process group,
 * output appended to `logFile`, tracked for cleanup. Returns `{ child, t0, logFile }`.
 */
function startCommand(command, args, { cwd, env, logFile }) {
  const fd = fs.openSync(logFile, "a");
  const t0 = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", fd, fd], detached: true });
  fs.closeSync(fd);
  track(child, { group: true });
  return { child, t0, logFile };
}

/**
 * Runs a command to completion, tracked for cleanup (killed with the bench) and without
 * blocking the event loop; resolves `{ code, signal, ms, output }` (output: stdout + stderr).
 */
function runCommand(command, args, { cwd, env, timeoutMs = 120_000 }) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    track(child);
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - t0, output: Buffer.concat(chunks).toString("utf8") });
    });
  });
}

module.exports = { kioskBin, startNode, startKiosk, runKiosk, waitFor200, stop, startCommand, runCommand };
