"use strict";
// `kiosk import products <file.csv>` of 10,000 products (one variant each, an option and a
// USD price) into a fresh SQLite copy of test/fixtures/basic: wall time and rows/s, with the
// same command's time for a 1-row file (boot and shutdown) to subtract, and the import
// process's peak RSS (VmHWM, read from /proc while it runs).
const fs = require("node:fs");
const path = require("node:path");
const { spawn } = require("node:child_process");
const { copyFixture } = require("../lib/fixture");
const { track } = require("../lib/cleanup");
const { kioskBin, runKiosk } = require("../lib/server-process");
const { cleanEnv, log } = require("../lib/util");

const ROWS = 10_000;
const HEADER = "Product Handle,Product Title,Product Description,Product Status,Variant Title,Variant SKU,Variant Inventory Quantity,Option 1 Name,Option 1 Value,Price USD";

function writeCsv(file, rows) {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) lines.push(`bench-${i},Bench product ${i},"A product, number ${i}",published,Default,BENCH-${i},${i % 100},Size,M,${1000 + i}`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
}

/** Runs the import; answers its wall time, peak RSS and output. */
function importFile(dir, file) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [kioskBin, "import", "products", file, "--cwd", dir], { cwd: dir, env: cleanEnv({ NODE_ENV: "development" }), stdio: ["ignore", "pipe", "pipe"] });
    track(child);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 50);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(poll);
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`kiosk import products failed (code ${code}):\n${out.slice(-2000)}`));
      else resolve({ ms, peakMB: peakKb / 1024, out });
    });
  });
}

async function run() {
  const dir = copyFixture("basic");
  runKiosk(["migrate", "--cwd", dir], { cwd: dir, env: { NODE_ENV: "development" } });
  const one = path.join(dir, "one.csv");
  const many = path.join(dir, "many.csv");
  writeCsv(one, 1);
  writeCsv(many, ROWS);
  log("import: 1 row (boot and shutdown)");
  const small = await importFile(dir, one);
  log(`import: ${ROWS} rows`);
  const big = await importFile(dir, many);
  if (!big.out.includes(`imported ${ROWS} products`)) throw new Error(`unexpected output:\n${big.out.slice(-1000)}`);
  const importMs = big.ms - small.ms;
  return { rows: ROWS, wallMs: big.ms, bootMs: small.ms, importMs, rowsPerSec: ROWS / (importMs / 1000), peakMB: big.peakMB };
}

module.exports = { run };
