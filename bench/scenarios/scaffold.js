"use strict";
// Scaffolding a store: `node bin/create-store.js <tmp>/shop --yes` (SQLite, every step:
// render, install (links this checkout: the npm cache is warm, nothing is downloaded),
// migrate, demo data, git init in the temp dir), then `npm run dev` in the new project
// with PORT set, until the starter's GET /store/hello first answers 200.
const fs = require("node:fs");
const path = require("node:path");
const { tempDir } = require("../lib/cleanup");
const { startCommand, runCommand, stop } = require("../lib/server-process");
const { repoRoot, request, freePort, cleanEnv, logTail, sleep, log } = require("../lib/util");

const BUDGET_MS = 30_000;
const FIRST_PATH = "/store/hello";
const DEV_TIMEOUT_MS = 30_000;

/** The duration of each step create-store printed: "✔ Installed dependencies with npm (…) (576 ms)". */
function stepTimes(output) {
  const steps = [];
  for (const line of output.replace(/\u001b\[[0-9;]*m/g, "").split("\n")) {
    const m = /^[^\w\s]\s+(.*?)\s+\((\d+(?:\.\d+)?) (ms|s)\)\s*$/.exec(line.trim());
    if (m) steps.push({ step: m[1].replace(/ \(.*\)$/, ""), ms: Number(m[2]) * (m[3] === "s" ? 1000 : 1) });
  }
  return steps;
}

async function run() {
  const root = tempDir("kiosk-bench-scaffold-");
  const dir = path.join(root, "shop");
  const env = cleanEnv();
  log(`scaffold: node bin/create-store.js ${dir} --yes`);
  const t0 = performance.now();
  const created = await runCommand(process.execPath, [path.join(repoRoot, "bin", "create-store.js"), dir, "--yes"], { cwd: root, env, timeoutMs: 120_000 });
  const createMs = performance.now() - t0;
  if (created.code !== 0) throw new Error(`create-store failed (code ${created.code}, signal ${created.signal}):\n${created.output.slice(-3000)}`);
  log(`scaffold: create-store took ${(createMs / 1000).toFixed(2)} s`);

  const port = await freePort();
  const logFile = path.join(root, "npm-run-dev.log");
  const dev = startCommand("npm", ["run", "dev"], { cwd: dir, env: cleanEnv({ PORT: String(port) }), logFile });
  try {
    let last;
    for (;;) {
      if (dev.child.exitCode !== null || dev.child.signalCode !== null) throw new Error(`npm run dev exited (code ${dev.child.exitCode}) before serving ${FIRST_PATH}.\n${logTail(logFile)}`);
      last = await request(port, FIRST_PATH, { timeout: 1000 });
      if (last.status === 200) break;
      if (performance.now() - dev.t0 > DEV_TIMEOUT_MS) throw new Error(`no 200 on ${FIRST_PATH} within ${DEV_TIMEOUT_MS} ms (last: ${last.status}).\n${logTail(logFile)}`);
      await sleep(10);
    }
    const totalMs = performance.now() - t0;
    const devMs = performance.now() - dev.t0;
    log(`scaffold: npm run dev answered ${FIRST_PATH} 200 after ${(devMs / 1000).toFixed(2)} s; ${(totalMs / 1000).toFixed(2)} s from create-store's start (${last.body})`);
    return {
      createMs,
      devMs,
      totalMs,
      budgetMs: BUDGET_MS,
      ok: totalMs < BUDGET_MS,
      steps: stepTimes(created.output),
      git: fs.existsSync(path.join(dir, ".git")),
      firstPath: FIRST_PATH,
    };
  } finally {
    await stop(dev);
  }
}

module.exports = { run };
