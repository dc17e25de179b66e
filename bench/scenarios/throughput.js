"use strict";
// Throughput of the started basic fixture (`kiosk start`, SQLite) next to a bare
// express app answering the same JSON, measured in the same run, one after the other.
const path = require("node:path");
const { startNode, waitFor200, stop } = require("../lib/server-process");
const { loadAlternating } = require("../lib/load");
const { HOST, request, freePort, cleanEnv } = require("../lib/util");

const PING_ROUNDS = 2;
const expressScript = path.join(__dirname, "..", "express-baseline.js");

/** Both servers must answer 200 with the same body before they are compared. */
async function sameBody(kioskPort, expressPort, p) {
  const [a, b] = await Promise.all([request(kioskPort, p), request(expressPort, p)]);
  if (a.status !== 200 || b.status !== 200) throw new Error(`GET ${p}: kiosk answered ${a.status}, express ${b.status}: ${a.body} / ${b.body}`);
  if (a.body !== b.body) throw new Error(`GET ${p}: kiosk and express answer different bodies: ${a.body} vs ${b.body}`);
}

async function run({ kiosk, logDir }) {
  const expressPort = await freePort();
  const express = startNode([expressScript, String(expressPort), HOST], {
    cwd: logDir,
    env: cleanEnv({ NODE_ENV: "production" }),
    logFile: path.join(logDir, "express.log"),
  });
  try {
    await waitFor200(express, expressPort, "/health");
    await sameBody(kiosk.port, expressPort, "/health");
    await sameBody(kiosk.port, expressPort, "/store/ping");
    const notes = await request(kiosk.port, "/store/notes");
    if (notes.status !== 200) throw new Error(`GET /store/notes answered ${notes.status}: ${notes.body}`);

    const k = (p) => ({ url: `http://${HOST}:${kiosk.port}${p}`, pids: async () => [kiosk.proc.child.pid] });
    const e = (p) => ({ url: `http://${HOST}:${expressPort}${p}`, pids: async () => [express.child.pid] });
    // Kiosk and express alternate so that drift of the machine hits both alike; the
    // budgeted comparison (/store/ping) runs PING_ROUNDS rounds.
    const out = {
      ...(await loadAlternating({ kioskHealth: k("/health"), expressHealth: e("/health") })),
      ...(await loadAlternating({ kioskPing: k("/store/ping"), expressPing: e("/store/ping") }, { rounds: PING_ROUNDS })),
      ...(await loadAlternating({ kioskNotes: k("/store/notes") })),
    };
    out.pingPctOfExpress = (100 * out.kioskPing.reqPerSec) / out.expressPing.reqPerSec;
    out.healthPctOfExpress = (100 * out.kioskHealth.reqPerSec) / out.expressHealth.reqPerSec;
    out.notesPctOfExpressPing = (100 * out.kioskNotes.reqPerSec) / out.expressPing.reqPerSec;
    return out;
  } finally {
    await stop(express);
  }
}

module.exports = { run };
