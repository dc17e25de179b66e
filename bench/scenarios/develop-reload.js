"use strict";
// `kiosk develop` edit-to-new-response: on a copy of the basic fixture (SQLite), edit
// the trivial route and time from the write until a GET returns the new body, while a
// second client requests the route continuously and counts every answer that is not a 200.
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { copyFixture } = require("../lib/fixture");
const { startKiosk, runKiosk, waitFor200, stop } = require("../lib/server-process");
const { sleep, median, request, freePort, logTail, log } = require("../lib/util");

const EDITS = 5;
const POLL_MS = 5;
const EDIT_TIMEOUT_MS = 10_000;
const SETTLE_MS = 300;
const ROUTE = "/store/ping";

const routeSource = (edit) => `import type { KioskRequest, KioskResponse } from "kiosk";

export function GET(_req: KioskRequest, res: KioskResponse) {
  res.json({ pong: true, edit: ${edit} });
}
`;

/** Requests the route back to back until stopped; counts answers by status (0 = connection error). */
function startBackgroundClient(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const stats = { total: 0, failed: 0, byStatus: {}, firstFailure: undefined };
  let running = true;
  const done = (async () => {
    while (running) {
      const r = await request(port, ROUTE, { agent, timeout: 5000 });
      stats.total++;
      stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
      if (r.status !== 200) {
        stats.failed++;
        stats.firstFailure ??= `${r.status} ${r.error ? r.error.message : r.body.slice(0, 200)}`;
      }
    }
  })();
  return {
    stats,
    stop: async () => {
      running = false;
      await done;
      agent.destroy();
      return stats;
    },
  };
}

async function run() {
  const dir = copyFixture("basic");
  log(`develop: fixture at ${dir}; kiosk migrate`);
  runKiosk(["migrate", "--cwd", dir], { cwd: dir });
  const port = await freePort();
  const proc = startKiosk("develop", { dir, port });
  const routeFile = path.join(dir, "src", "api", "store", "ping", "route.ts");
  try {
    const readyMs = await waitFor200(proc, port, ROUTE);
    log(`develop: serving ${ROUTE} ${readyMs.toFixed(0)} ms after spawn`);
    await sleep(SETTLE_MS);

    const background = startBackgroundClient(port);
    const pollAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const times = [];
    let pollFailures = 0;
    let pollRequests = 0;
    try {
      for (let edit = 1; edit <= EDITS; edit++) {
        const expected = JSON.stringify({ pong: true, edit });
        const source = routeSource(edit);
        const t0 = performance.now();
        fs.writeFileSync(routeFile, source);
        for (;;) {
          const r = await request(port, ROUTE, { agent: pollAgent, timeout: 5000 });
          pollRequests++;
          if (r.status !== 200) pollFailures++;
          if (r.status === 200 && r.body === expected) break;
          if (performance.now() - t0 > EDIT_TIMEOUT_MS) {
            throw new Error(`edit ${edit}: no new body within ${EDIT_TIMEOUT_MS} ms (last: ${r.status} ${r.body}).\n${logTail(proc.logFile)}`);
          }
          await sleep(POLL_MS);
        }
        const ms = performance.now() - t0;
        times.push(ms);
        log(`develop: edit ${edit}: new body after ${ms.toFixed(1)} ms`);
        await sleep(SETTLE_MS);
      }
    } finally {
      pollAgent.destroy();
      await background.stop();
    }
    const { stats } = background;
    return {
      edits: EDITS,
      pollMs: POLL_MS,
      runsMs: times,
      medianMs: median(times),
      maxMs: Math.max(...times),
      requests: stats.total + pollRequests,
      failed: stats.failed + pollFailures,
      byStatus: stats.byStatus,
      firstFailure: stats.firstFailure,
    };
  } finally {
    await stop(proc);
  }
}

module.exports = { run };
