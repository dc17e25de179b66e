"use strict";
// Boot time (spawn of `kiosk start` to the first 200 on /health) and idle RSS, on the
// built basic fixture with SQLite. The last server is left running for the load scenario.
const { copyFixture, buildLocalPlugins } = require("../lib/fixture");
const { startKiosk, runKiosk, waitFor200, stop } = require("../lib/server-process");
const { sleep, median, rssMB, freePort, log } = require("../lib/util");

const BOOT_RUNS = 3;
const IDLE_MS = 1000;

async function run() {
  const dir = copyFixture("basic");
  log(`boot: fixture at ${dir}; kiosk build (and its local plugin) + migrate`);
  runKiosk(["build", "--cwd", dir], { cwd: dir });
  await buildLocalPlugins(dir);
  runKiosk(["migrate", "--cwd", dir], { cwd: dir });
  const port = await freePort();
  const boots = [];
  const rss = [];
  let server;
  for (let i = 0; i < BOOT_RUNS; i++) {
    const proc = startKiosk("start", { dir, port, env: { JWT_SECRET: "bench-secret" }, extraArgs: ["--host", "127.0.0.1"] });
    const ms = await waitFor200(proc, port, "/health");
    boots.push(ms);
    await sleep(IDLE_MS);
    rss.push(rssMB(proc.child.pid));
    log(`boot: run ${i + 1}: ${ms.toFixed(1)} ms to first /health 200, RSS ${rss[i].toFixed(1)} MB after ${IDLE_MS} ms idle`);
    if (i < BOOT_RUNS - 1) await stop(proc);
    else server = proc;
  }
  return {
    result: { runs: BOOT_RUNS, bootMs: boots, bootMedianMs: median(boots), rssMB: rss, rssMedianMB: median(rss) },
    server: { proc: server, port, dir },
  };
}

module.exports = { run };
