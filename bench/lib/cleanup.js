"use strict";
// Everything the bench starts or creates is registered here and undone on exit,
// on error, on a signal, or when the watchdog fires.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const children = new Set();
/** The process groups started detached (their leaders' pids), for telling the bench's processes apart. */
const groups = new Set();
const tempDirs = new Set();
/** Synchronous undo steps (run from the `exit` handler too), newest first. */
const undo = [];

function alive(child) {
  return child.exitCode === null && child.signalCode === null;
}

/** Kills a child we started; `group` children were spawned detached and are killed with their process group. */
function kill(child, signal = "SIGKILL") {
  if (!alive(child)) return;
  try {
    if (child.kioskGroup) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Registers a child process so it is killed on exit. */
function track(child, { group = false } = {}) {
  child.kioskGroup = group;
  children.add(child);
  if (group && child.pid) groups.add(child.pid);
  child.on("exit", () => {
    // A detached group may still hold grandchildren (kiosk develop's worker).
    if (group) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // group already empty
      }
    }
    children.delete(child);
  });
  return child;
}

/** A fresh temp dir, removed on exit. */
function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function removeDir(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // best effort
  }
  tempDirs.delete(dir);
}

/** Registers a synchronous undo step; returns a function that runs it now (once). */
function onCleanup(fn) {
  const entry = { fn, done: false };
  undo.push(entry);
  return () => runEntry(entry);
}

function runEntry(entry) {
  if (entry.done) return;
  entry.done = true;
  try {
    entry.fn();
  } catch (err) {
    process.stderr.write(`bench: cleanup step failed: ${err && err.message ? err.message : err}\n`);
  }
}

let cleaned = false;
function cleanupAll() {
  if (cleaned) return;
  cleaned = true;
  for (const child of [...children]) kill(child, "SIGKILL");
  for (const entry of [...undo].reverse()) runEntry(entry);
  for (const dir of [...tempDirs]) removeDir(dir);
}

function install({ watchdogMs }) {
  process.on("exit", cleanupAll);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      process.stderr.write(`\nbench: got ${sig}, cleaning up\n`);
      cleanupAll();
      process.exit(130);
    });
  }
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: watchdog fired after ${watchdogMs} ms, aborting\n`);
    cleanupAll();
    process.exit(1);
  }, watchdogMs);
  watchdog.unref();
}

/** The pids of the leaders of every process group the bench started (some may be gone). */
function groupIds() {
  return [...groups];
}

module.exports = { groupIds, track, kill, alive, tempDir, removeDir, onCleanup, cleanupAll, install };
