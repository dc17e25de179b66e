"use strict";
// A bare express app answering the same JSON as kiosk's trivial routes:
//   GET /health      -> {"status":"ok"}   (kiosk's own /health)
//   GET /store/ping  -> {"pong":true}     (test/fixtures/basic/src/api/store/ping/route.ts)
// Usage: node bench/express-baseline.js <port> [host]
const express = require("express");

const port = Number(process.argv[2] ?? 19302);
const host = process.argv[3] ?? "127.0.0.1";

const app = express();
app.get("/health", (_req, res) => {
  res.json({ status: "ok" });
});
app.get("/store/ping", (_req, res) => {
  res.json({ pong: true });
});
const server = app.listen(port, host);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
