#!/usr/bin/env node
"use strict";
// `npm run dev:starter [-- --port N]`: renders starter/ into a folder of the system's
// temp directory (never into the checkout), links this checkout as its `kiosk`,
// migrates and seeds it, and serves it with `kiosk develop`. Each run starts afresh
// from starter/ as it is now.
const { spawn, spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const repo = path.resolve(__dirname, "..");
const id = crypto.createHash("sha256").update(repo).digest("hex").slice(0, 8);
const dir = path.join(os.tmpdir(), `kiosk-dev-starter-${id}`, "starter");
const node = (bin, args, quiet) => spawnSync(process.execPath, [path.join(repo, "bin", bin), ...args], { stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });

fs.rmSync(path.dirname(dir), { recursive: true, force: true });
fs.mkdirSync(path.dirname(dir), { recursive: true });
const steps = [
  ["create-store.js", [dir, "--yes", "--no-install", "--no-git"], true],
  ["kiosk.js", ["migrate", "--cwd", dir], true],
  ["kiosk.js", ["seed", "--cwd", dir], false],
];
for (const [bin, args, quiet] of steps) {
  const r = node(bin, args, quiet);
  if (r.status !== 0) {
    process.stderr.write(r.stderr ?? "");
    process.exit(r.status ?? 1);
  }
  if (bin === "create-store.js") {
    fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
    fs.symlinkSync(repo, path.join(dir, "node_modules", "kiosk"), "dir");
  }
}
process.stdout.write(`dev:starter: a seeded copy of starter/ in ${dir}\n`);
const develop = spawn(process.execPath, [path.join(repo, "bin", "kiosk.js"), "develop", "--cwd", dir, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => develop.kill(signal));
develop.on("exit", (code) => process.exit(code ?? 1));
