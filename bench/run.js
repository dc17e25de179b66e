"use strict";
// kiosk bench: `npm run bench` (= npm run build && node bench/run.js).
//   1. boot time and idle RSS of `kiosk start` on the built basic fixture (SQLite)
//   2. req/s, p50, p99 of /health, /store/ping and /store/notes next to bare express
//   3. `kiosk develop` edit-to-new-response time, and failed requests during the swap
//   4. the Store API catalog on PostgreSQL next to a hand-written node:http + pg server
//   5. scaffold: create-store, then `npm run dev` until its first 200
//   6. generators: cold `kiosk g …` wall time of each generator
//   7. checkout on PostgreSQL: carts/s, full checkouts/s, and a 50-for-10 oversell race
//   8. events through the Redis bus, emit to subscriber run
//   9. cluster: `kiosk start --cluster 2` next to one process on the catalog
//  10. burst: 200 mixed requests at once, and POST /store/carts while 50 clients read the
//      largest product page, on SQLite and PostgreSQL
//  11. import: `kiosk import products` rows/s
//  12. dashboard: the admin dashboard's bundle size (gzip) and, in headless Chromium, the time
//      from opening /app/orders to its rows rendered
// Progress goes to stderr; the summary to stdout and bench/results/latest.json, and one line
// per run to bench/results/history.jsonl (not with --no-history).
// `node bench/run.js develop catalog` runs only the named parts (boot, load, develop, catalog,
// scaffold, generators, checkout, burst, events, cluster, import, dashboard).
// `node bench/run.js --history [N] [part...]` runs nothing: it compares the last N runs (5)
// recorded in the history, side by side (only the runs and figures of the named parts, if any).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const cleanup = require("./lib/cleanup");
const busy = require("./lib/busy");
const history = require("./lib/history");
const { stop } = require("./lib/server-process");
const { CONNECTIONS, WARMUP_S, DURATION_S, failures, backgroundBusyPct } = require("./lib/load");
const { fmt, table, LOAD_COLUMNS, loadRow, MEASURE_COLUMNS, addedSummaryRows } = require("./lib/report");
const { log, repoRoot } = require("./lib/util");

const WATCHDOG_MS = 8 * 60_000;
/** The parts after the first four, each `scenarios/<file>.js` exporting run({ logDir }). */
const ADDED_PARTS = { scaffold: "scaffold", generators: "generators", checkout: "checkout", burst: "burst", events: "events", cluster: "cluster", import: "import", dashboard: "dashboard" };
const BUDGET_PCT = 80;
const notRun = { skipped: "not selected" };
const BUSY_WARN_PCT = 15;
const ALL_PARTS = ["boot", "load", "develop", "catalog", ...Object.keys(ADDED_PARTS)];

/** { parts, record, history: undefined | { n, parts } } from the command line. */
function parseArgs(argv) {
  const record = !argv.includes("--no-history");
  const i = argv.indexOf("--history");
  const rest = argv.filter((a) => a !== "--no-history" && a !== "--history");
  if (i === -1) return { parts: rest, record };
  const n = rest.find((a) => /^\d+$/.test(a));
  return { parts: [], record, history: { n: n ? Number(n) : 5, parts: rest.filter((a) => a !== n) } };
}
const args = parseArgs(process.argv.slice(2));

/** Runs one scenario; a failure is recorded, printed and does not stop the others. */
async function step(name, fn) {
  const started = performance.now();
  try {
    const value = await fn();
    log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return value;
  } catch (err) {
    log(`${name}: FAILED: ${err && err.stack ? err.stack : err}`);
    return { error: String(err && err.message ? err.message : err).split("\n")[0] };
  }
}

/** Notes under the load table: failed requests, and other processes' CPU load before a measurement. */
function loadNotes(group, labels) {
  const notes = [];
  for (const [key, label] of Object.entries(labels)) {
    const r = group[key];
    if (!r) continue;
    const f = failures(r);
    if (f) notes.push(`  ! ${label}: ${f}`);
    if (r.backgroundBusyPct > BUSY_WARN_PCT) {
      notes.push(`  ! ${label}: the machine was ${r.backgroundBusyPct.toFixed(0)}% busy with other processes just before it was measured; expect noise`);
    }
  }
  return notes;
}

/** "  per round: 76.2%, 79.3% (kiosk 6771, 6900 req/s; express 8881, 8700 req/s)" when measured in rounds. */
function roundsNote(kiosk, baseline, baselineName, kioskName = "kiosk") {
  if (!kiosk?.rounds || kiosk.rounds.length < 2) return [];
  const ratios = kiosk.rounds.map((r, i) => fmt.pct((100 * r.reqPerSec) / baseline.rounds[i].reqPerSec));
  const rps = (x) => x.rounds.map((r) => fmt.n(r.reqPerSec)).join(", ");
  return [`  ${kiosk.rounds.length} alternating rounds: ratio ${ratios.join(", ")}  (${kioskName} ${rps(kiosk)} req/s; ${baselineName} ${rps(baseline)} req/s)`];
}

function summary(results) {
  const { boot, load, develop, catalog } = results;
  const single = [];
  const loadRows = [];

  if (boot.error) single.push(["boot / idle RSS", `FAILED: ${boot.error}`]);
  else if (!boot.skipped) {
    single.push(["boot: spawn -> first /health 200", `${fmt.ms(boot.bootMedianMs)}  (median of ${boot.runs}: ${boot.bootMs.map((x) => x.toFixed(0)).join(", ")})`]);
    single.push(["idle RSS, 1 s after boot", `${fmt.n(boot.rssMedianMB, 1)} MB  (median of ${boot.runs}: ${boot.rssMB.map((x) => x.toFixed(1)).join(", ")})`]);
  }
  if (develop.error) single.push(["develop: edit -> new response", `FAILED: ${develop.error}`]);
  else if (!develop.skipped) {
    single.push(["develop: edit -> new response", `median ${fmt.ms(develop.medianMs, 1)}, max ${fmt.ms(develop.maxMs, 1)}  (${develop.edits} edits: ${develop.runsMs.map((x) => x.toFixed(0)).join(", ")} ms; polled every ${develop.pollMs} ms)`]);
    single.push(["develop: non-200 answers during the edits", `${develop.failed} of ${develop.requests} requests${develop.failed ? `  (first: ${develop.firstFailure})` : ""}`]);
  }

  if (load.error) loadRows.push(`kiosk vs express: FAILED: ${load.error}`);
  else if (!load.skipped) {
    loadRows.push(loadRow("GET /health", load.kioskHealth, "express /health", load.expressHealth));
    loadRows.push(loadRow("GET /store/ping", load.kioskPing, "express /store/ping", load.expressPing, BUDGET_PCT));
    loadRows.push(...roundsNote(load.kioskPing, load.expressPing, "express"));
    loadRows.push(loadRow("GET /store/notes (SQLite)", load.kioskNotes, "express /store/ping", load.expressPing));
    loadRows.push(...loadNotes(load, { kioskHealth: "kiosk /health", expressHealth: "express /health", kioskPing: "kiosk /store/ping", expressPing: "express /store/ping", kioskNotes: "kiosk /store/notes" }));
  }
  if (catalog.skipped !== notRun.skipped && loadRows.length) loadRows.push(null);
  if (catalog.skipped === notRun.skipped) {
    // not selected
  } else if (catalog.skipped) loadRows.push(`catalog on PostgreSQL: SKIPPED: ${catalog.skipped}`);
  else if (catalog.error) loadRows.push(`catalog on PostgreSQL: FAILED: ${catalog.error}`);
  else {
    single.push(["catalog: seed through POST /admin/products", `${catalog.seed.products} products x ${catalog.seed.variantsPerProduct} variants in ${fmt.ms(catalog.seed.ms)} (pg pool ${catalog.poolSize} on both servers)`]);
    const same = Object.values(catalog.parity).every((d) => !d);
    single.push(["catalog: kiosk vs hand-written JSON", `${same ? "identical" : "DIFFERENT (see the warnings below the load table)"}: page of 20 ${fmt.n(catalog.bytes.page / 1024, 1)} KB, product ${fmt.n(catalog.bytes.product / 1024, 1)} KB`]);
    loadRows.push(loadRow("GET /store/products?limit=20 (pg)", catalog.kioskList, "hand-written", catalog.handList, BUDGET_PCT));
    loadRows.push(...roundsNote(catalog.kioskList, catalog.handList, "hand-written"));
    if (catalog.pricedList) {
      single.push(["catalog: priced page (?region_id=)", `a sale and an override price list on half the products, a 10 % tax rate on a third (region 20 %); every variant's calculated_price and calculated_price_incl_tax checked; page of 20 ${fmt.n(catalog.bytes.pricedPage / 1024, 1)} KB`]);
      loadRows.push(loadRow("  same, ?region_id= with price lists + tax rates (pg)", catalog.pricedList, "plain kiosk", catalog.kioskList));
      loadRows.push(...roundsNote(catalog.pricedList, catalog.kioskList, "plain kiosk", "priced"));
    }
    if (catalog.cfList) {
      const cf = catalog.customFields;
      single.push([`catalog: ${Object.keys(cf.fields).length} product custom fields`, `${Object.entries(cf.fields).map(([k, t]) => `${k} (${t})`).join(", ")}; values set on ${catalog.seed.products} products through POST /admin/products/:id in ${fmt.ms(cf.setMs)}; page of 20 ${fmt.n(catalog.bytes.customFieldsPage / 1024, 1)} KB`]);
      loadRows.push(loadRow("  same, 5 custom fields on product (pg)", catalog.cfList, "plain kiosk", catalog.kioskList, cf.budgetPct));
      loadRows.push(...roundsNote(catalog.cfList, catalog.kioskList, "plain kiosk", "custom fields"));
    }
    loadRows.push(loadRow("GET /store/products/:id (pg)", catalog.kioskById, "hand-written", catalog.handById, BUDGET_PCT));
    loadRows.push(...roundsNote(catalog.kioskById, catalog.handById, "hand-written"));
    loadRows.push(...loadNotes(catalog, { kioskList: "kiosk product list", pricedList: "kiosk product list, priced with lists and taxes", cfList: "kiosk product list with custom fields", handList: "hand-written product list", kioskById: "kiosk product", handById: "hand-written product" }));
    for (const [what, diff] of Object.entries(catalog.parity)) {
      if (diff) loadRows.push(`  ! WARNING: ${what}: kiosk and hand-written JSON differ, first at ${diff}`);
    }
  }

  const added = addedSummaryRows(results, { notSelected: notRun.skipped, busyWarnPct: BUSY_WARN_PCT });
  single.push(...added.measures);
  if (added.loads.length && loadRows.length) loadRows.push(null);
  loadRows.push(...added.loads);

  const lines = [""];
  lines.push(`kiosk bench: node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? "?"}), ${os.platform()} ${os.arch()}, ${results.date}`);
  if (results.backgroundBusyPct !== undefined) lines.push(`machine busy with other processes at the start: ${results.backgroundBusyPct.toFixed(0)}%`);
  lines.push("");
  if (single.length) lines.push(table(MEASURE_COLUMNS, single), "");
  if (loadRows.length) {
    lines.push(`load: autocannon, ${CONNECTIONS} connections (-c ${CONNECTIONS}), ${DURATION_S} s per run after a ${WARMUP_S} s warm-up; p50/p99 latency in ms (mean of the rounds);`);
    lines.push(`cpu/req = CPU ms the server spent per request (its node processes, plus its PostgreSQL backends on the (pg) rows); ratio = kiosk req/s / baseline req/s; cpu ratio = baseline cpu/req / kiosk cpu/req`);
    lines.push(table(LOAD_COLUMNS, loadRows), "");
  }
  if (catalog.profile) {
    for (const w of catalog.profile.windows) {
      lines.push(`cpu profile of kiosk under load on ${w.what} (${fmt.n(w.reqPerSec)} req/s while profiled; ${catalog.profile.file}):`);
      lines.push(w.summary.replace(/^/gm, "  "), "");
    }
  }
  lines.push(...added.after);
  return lines.join("\n");
}

async function main() {
  const logDir = cleanup.tempDir("kiosk-bench-logs-");
  const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}` };
  // The checkout as it is when the run starts: what a history line says was measured.
  Object.assign(results, history.commitOf());

  results.backgroundBusyPct = await backgroundBusyPct({ windowMs: 1000 });
  if (results.backgroundBusyPct > BUSY_WARN_PCT) log(`WARNING: the machine is ${results.backgroundBusyPct.toFixed(0)}% busy with other processes; the numbers will be noisy`);
  const only = args.parts;
  const wanted = (name) => !only.length || only.includes(name);

  if (wanted("boot") || wanted("load")) {
    const booted = await step("boot", () => require("./scenarios/boot").run());
    results.boot = booted.error ? booted : booted.result;
    if (booted.error) results.load = { error: "not run: boot failed" };
    else {
      if (wanted("load")) results.load = await step("load", () => require("./scenarios/throughput").run({ kiosk: booted.server, logDir }));
      await stop(booted.server.proc);
    }
  }
  results.boot ??= notRun;
  results.load ??= notRun;
  results.develop = wanted("develop") ? await step("develop", () => require("./scenarios/develop-reload").run()) : notRun;
  results.catalog = wanted("catalog") ? await step("catalog", () => require("./scenarios/catalog-postgres").run({ logDir })) : notRun;
  for (const [name, file] of Object.entries(ADDED_PARTS)) {
    results[name] = wanted(name) ? await step(name, () => require(`./scenarios/${file}`).run({ logDir })) : notRun;
  }

  await busy.close();
  results.postgres = require("./lib/postgres").serverVersion;

  fs.mkdirSync(path.join(__dirname, "results"), { recursive: true });
  const out = path.join(__dirname, "results", "latest.json");
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  process.stdout.write(summary(results));
  process.stdout.write(`results written to ${path.relative(repoRoot, out)}\n`);
  const parts = ALL_PARTS.filter((k) => results[k] !== notRun);
  if (args.record && parts.length) {
    const file = history.append(history.entryOf(results, parts));
    process.stdout.write(`history: one line added to ${path.relative(repoRoot, file)}; compare the last runs with \`node bench/run.js --history\`\n`);
  }
  const failed = ALL_PARTS.filter((k) => results[k].error);
  if (failed.length) process.stderr.write(`bench: failed scenarios: ${failed.join(", ")}\n`);
  return failed.length ? 1 : 0;
}

if (args.history) {
  process.stdout.write(history.historyTable({ ...args.history, busyWarnPct: BUSY_WARN_PCT }));
  process.exit(0);
}
cleanup.install({ watchdogMs: WATCHDOG_MS });

main().then(
  (code) => {
    cleanup.cleanupAll();
    process.exit(code);
  },
  (err) => {
    process.stderr.write(`bench failed: ${err && err.stack ? err.stack : err}\n`);
    cleanup.cleanupAll();
    process.exit(1);
  },
);
