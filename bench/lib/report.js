"use strict";
// Plain-text tables for the console.
const os = require("node:os");

const fmt = {
  n: (x, d = 0) => (typeof x === "number" && Number.isFinite(x) ? x.toFixed(d) : "-"),
  ms: (x, d = 0) => (typeof x === "number" && Number.isFinite(x) ? `${x.toFixed(d)} ms` : "-"),
  pct: (x) => (typeof x === "number" && Number.isFinite(x) ? `${x.toFixed(1)}%` : "-"),
};

/**
 * Prints a table. `columns`: [{ title, align: "left" | "right" }]; `rows`: arrays of
 * strings, or a single string for a full-width note line, or null for a separator.
 */
function table(columns, rows, { indent = "" } = {}) {
  const widths = columns.map((c) => c.title.length);
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i], String(cell ?? "").length)));
  }
  const line = (cells) =>
    indent +
    cells
      .map((cell, i) => {
        const s = String(cell ?? "");
        return columns[i].align === "right" ? s.padStart(widths[i]) : s.padEnd(widths[i]);
      })
      .join("  ")
      .trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const out = [line(columns.map((c) => c.title)), indent + "-".repeat(total)];
  for (const row of rows) {
    if (row === null) out.push(indent + "-".repeat(total));
    else if (Array.isArray(row)) out.push(line(row));
    else out.push(indent + row);
  }
  return out.join("\n");
}

/** The columns of a load comparison: kiosk vs a baseline. */
const LOAD_COLUMNS = [
  { title: "what", align: "left" },
  { title: "kiosk req/s", align: "right" },
  { title: "p50", align: "right" },
  { title: "p99", align: "right" },
  { title: "cpu/req", align: "right" },
  { title: "baseline", align: "left" },
  { title: "req/s", align: "right" },
  { title: "p50", align: "right" },
  { title: "p99", align: "right" },
  { title: "cpu/req", align: "right" },
  { title: "ratio", align: "right" },
  { title: "cpu ratio", align: "right" },
  { title: "budget", align: "left" },
];

const cpu = (r) => (r && r.cpuMsPerReq !== undefined ? `${r.cpuMsPerReq.toFixed(r.cpuMsPerReq < 1 ? 3 : 2)}` : "");

/**
 * One row of LOAD_COLUMNS. ratio = kiosk req/s / baseline req/s; cpu ratio = baseline CPU
 * per request / kiosk CPU per request (both "kiosk as a share of the baseline"). The budget
 * (undefined = none) applies to the req/s ratio.
 */
function loadRow(what, kiosk, baselineName, baseline, budgetPct) {
  const ratio = kiosk && baseline ? (100 * kiosk.reqPerSec) / baseline.reqPerSec : undefined;
  const cpuRatio = kiosk?.cpuMsPerReq && baseline?.cpuMsPerReq ? (100 * baseline.cpuMsPerReq) / kiosk.cpuMsPerReq : undefined;
  const budget = budgetPct === undefined || ratio === undefined ? "" : `>=${budgetPct}% ${ratio >= budgetPct ? "ok" : "MISSED"}`;
  return [
    what,
    kiosk ? fmt.n(kiosk.reqPerSec) : "-",
    kiosk ? fmt.n(kiosk.p50, 1) : "",
    kiosk ? fmt.n(kiosk.p99, 1) : "",
    cpu(kiosk),
    baselineName ?? "",
    baseline ? fmt.n(baseline.reqPerSec) : "",
    baseline ? fmt.n(baseline.p50, 1) : "",
    baseline ? fmt.n(baseline.p99, 1) : "",
    cpu(baseline),
    ratio === undefined ? "" : fmt.pct(ratio),
    cpuRatio === undefined ? "" : fmt.pct(cpuRatio),
    budget,
  ];
}

/** The columns of the measures table: one value per row, and its budget when it has one. */
const MEASURE_COLUMNS = [
  { title: "measure", align: "left" },
  { title: "value", align: "left" },
  { title: "budget", align: "left" },
];

/** "<30 s ok" / ">=40/s MISSED". */
const budget = (text, ok) => `${text} ${ok ? "ok" : "MISSED"}`;
const secs = (ms) => (typeof ms === "number" && Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s` : "-");
const runsMs = (xs) => xs.map((x) => x.toFixed(0)).join(", ");

/** Busy-machine and failure notes for load results (as run.js does for its own parts). */
function loadNotesOf(group, labels, busyWarnPct) {
  const notes = [];
  for (const [key, label] of Object.entries(labels)) {
    const r = group[key];
    if (!r) continue;
    if (r.non2xx || r.errors || r.timeouts) notes.push(`  ! ${label}: non2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`);
    if (r.backgroundBusyPct > busyWarnPct) notes.push(`  ! ${label}: the machine was ${r.backgroundBusyPct.toFixed(0)}% busy with other processes just before it was measured; expect noise`);
  }
  return notes;
}

/**
 * Summary rows of the scaffold, generators, checkout, events and cluster parts: `measures`
 * (rows of MEASURE_COLUMNS), `loads` (rows of LOAD_COLUMNS, and note lines) and `after`
 * (lines printed below the tables: the checkout's cpu profile, with KIOSK_BENCH_PROFILE). A part that
 * was not selected (`skipped === notSelected`) adds nothing; a skipped or failed one says so.
 */
function addedSummaryRows(results, { notSelected, busyWarnPct = 15 }) {
  const measures = [];
  const loads = [];
  const after = [];
  const status = (name, r) => {
    if (!r || r.skipped === notSelected) return false;
    if (r.skipped) measures.push([name, `SKIPPED: ${r.skipped}`, ""]);
    else if (r.error) measures.push([name, `FAILED: ${r.error}`, ""]);
    else return true;
    return false;
  };
  const { scaffold, generators, checkout, burst, events, cluster, import: imported, dashboard } = results;

  // The bundle size is reported even when no Chromium could time the first screen.
  if (dashboard && dashboard.skipped !== notSelected && dashboard.firstScreenKB !== undefined) {
    measures.push([
      "dashboard: bundle, gzip",
      `first screen ${fmt.n(dashboard.firstScreenKB, 1)} KB  (all ${dashboard.files} assets ${fmt.n(dashboard.totalKB, 1)} KB; largest ${dashboard.largest.file} ${fmt.n(dashboard.largest.kb, 1)} KB)`,
      dashboard.firstScreenBudgetKB ? budget(`<${dashboard.firstScreenBudgetKB} KB`, dashboard.firstScreenKB < dashboard.firstScreenBudgetKB) : "",
    ]);
  }
  if (status("dashboard", dashboard)) {
    measures.push([
      "dashboard: /app/orders -> orders list rendered",
      `${fmt.ms(dashboard.firstScreenMs)}  (median of ${dashboard.runsMs.length} cold loads, fresh Chromium profile, signed in, ${dashboard.orders} orders: ${dashboard.runsMs.map((x) => x.toFixed(0)).join(", ")} ms)`,
      budget(`<${dashboard.budgetMs / 1000} s`, dashboard.firstScreenMs < dashboard.budgetMs),
    ]);
  }

  if (status("scaffold", scaffold)) {
    const short = [[/^Created a git/, "git"], [/^Created /, "render"], [/^Installed/, "install"], [/^Ran migrations/, "migrate"], [/^Loaded demo data/, "seed"], [/^Creating admin|^Created admin/, "admin"]];
    const label = (step) => short.find(([re]) => re.test(step))?.[1] ?? step;
    const steps = scaffold.steps.map((s) => `${label(s.step)} ${s.ms >= 1000 ? `${(s.ms / 1000).toFixed(1)} s` : `${s.ms.toFixed(0)} ms`}`);
    measures.push(["scaffold: create-store <dir> --yes (SQLite)", `${secs(scaffold.createMs)}  (${steps.join(", ")})`, ""]);
    measures.push([
      "scaffold: create-store -> first 200 of npm run dev",
      `${secs(scaffold.totalMs)}  (npm run dev to GET ${scaffold.firstPath} 200: ${secs(scaffold.devMs)})`,
      budget(`<${scaffold.budgetMs / 1000} s`, scaffold.ok),
    ]);
  }

  if (status("import", imported)) {
    measures.push([
      `import: kiosk import products, ${imported.rows} rows (SQLite)`,
      `${fmt.n(imported.rowsPerSec, 0)} rows/s  (${secs(imported.importMs)} importing = ${secs(imported.wallMs)} wall - ${secs(imported.bootMs)} for a 1-row file; peak RSS ${fmt.n(imported.peakMB, 0)} MB)`,
      "",
    ]);
  }

  if (status("generators", generators)) {
    for (const g of generators.generators) {
      measures.push([
        `generate: ${g.command.replace(/^kiosk g /, "")}`,
        `${fmt.ms(g.medianMs)}  (median of ${g.runsMs.length}: ${runsMs(g.runsMs)}${g.note ? `; ${g.note}` : ""})`,
        g.budgetMs === undefined ? "" : budget(`<${g.budgetMs / 1000} s`, g.ok),
      ]);
    }
  }

  if (status("checkout (PostgreSQL)", checkout)) {
    const c = checkout.checkout;
    const refs = checkout.references.map((r) => `${r.name} ${r.perSec}/s`).join(", ");
    measures.push([
      `checkout: full checkouts/s, ${c.workers} workers (pg)`,
      `${fmt.n(c.perSec, 1)}/s, p50 ${fmt.ms(c.p50)}, p99 ${fmt.ms(c.p99)} per checkout  (${c.checkouts} in ${secs(c.elapsedMs)}, ${c.requestsPerCheckout} requests each; ` +
        `server CPU ${fmt.n(c.cpuMsPerCheckout, 1)} ms/checkout = node ${fmt.n(c.nodeCpuMsPerCheckout, 1)} + PostgreSQL ${fmt.n(c.pgCpuMsPerCheckout, 1)}, ` +
        `~${fmt.n(c.pgTransactionsPerCheckout, 1)} pg transactions/checkout; for scale: ${refs})`,
      budget(`>=${c.budgetPerSec}/s`, c.ok),
    ]);
    if (c.failed) measures.push(["  ! checkouts that failed", `${c.failed}, first: ${c.firstFailure}`, ""]);
    if (c.backgroundBusyPct > busyWarnPct) measures.push(["  ! checkouts/s", `the machine was ${c.backgroundBusyPct.toFixed(0)}% busy with other processes just before; expect noise`, ""]);
    const o = checkout.oversell;
    measures.push([
      `checkout: ${o.racers} concurrent completions, ${o.units} units`,
      o.ok
        ? `zero oversell: ${o.orders} orders, ${o.rejected} x 422 insufficient_inventory, stock ${o.stockAfter}`
        : `${o.oversold ? `OVERSOLD by ${o.oversold}: ` : ""}${o.won} answered orders, ${o.orders} orders in the database, ${o.rejected} x 422, ${o.other} other${o.firstOther ? ` (first: ${o.firstOther})` : ""}, stock ${o.stockAfter}`,
      budget(`exactly ${o.units} orders, stock 0`, o.ok),
    ]);
    const card = checkout.card;
    if (card?.error) measures.push(["checkout: card provider 100 ms away", `FAILED: ${card.error}`, ""]);
    else if (card) {
      const k = card.checkout;
      measures.push([
        `checkout: card provider ${card.latencyMs} ms away, ${k.workers} workers (pg)`,
        `${fmt.n(k.perSec, 1)}/s, p50 ${fmt.ms(k.p50)}, p99 ${fmt.ms(k.p99)} per checkout  (${k.checkouts} in ${secs(k.elapsedMs)}, ${k.requestsPerCheckout} requests each); ` +
          `catalog meanwhile ${fmt.n(card.catalogDuring.reqPerSec)} req/s, p99 ${fmt.ms(card.catalogDuring.p99)} (alone ${fmt.n(card.catalogAlone.reqPerSec)} req/s, p99 ${fmt.ms(card.catalogAlone.p99)})`,
        "",
      ]);
      if (k.failed) measures.push(["  ! card checkouts that failed", `${k.failed}, first: ${k.firstFailure}`, ""]);
    }
    loads.push(loadRow("POST /store/carts (pg)", checkout.carts));
    if (checkout.profile) {
      after.push(`cpu profile of kiosk on ${checkout.profile.what} (${fmt.n(checkout.profile.perSec, 1)}/s while profiled; ${checkout.profile.file}):`);
      after.push(checkout.profile.summary.replace(/^/gm, "  "), "");
    }
    loads.push(...loadNotesOf(checkout, { carts: "kiosk POST /store/carts" }, busyWarnPct));
  }

  if (status("burst", burst)) {
    for (const [db, r] of Object.entries(burst)) {
      if (r.skipped || r.error) {
        measures.push([`burst (${db})`, r.skipped ? `SKIPPED: ${r.skipped}` : `FAILED: ${r.error}`, ""]);
        continue;
      }
      const each = r.bursts.map((b) => `${fmt.ms(b.p50)}/${fmt.ms(b.p99)}`).join(", ");
      const kinds = Object.entries(r.bursts[0].byKind).map(([k, v]) => `${k} ${fmt.ms(v.p99)}`).join(", ");
      const failed = r.bursts.reduce((n, b) => n + b.failed, 0);
      measures.push([
        `burst: ${r.bursts[0].requests} mixed requests at once (${db})`,
        `p99 ${fmt.ms(r.worstP99)} worst of ${r.bursts.length}  (p50/p99 per burst: ${each}; first burst p99 by kind: ${kinds}${failed ? `; ${failed} failed, first: ${r.bursts.find((b) => b.failed).firstFailure}` : ""})`,
        budget(`p99 <${r.budgetMs / 1000} s`, r.ok),
      ]);
      const p = r.pages;
      measures.push([
        `burst: POST /store/carts p99 while ${p.readers} read ${p.limit}-product pages (${db})`,
        `${fmt.ms(p.during.p99)}, ${fmt.n(p.during.reqPerSec)} req/s  (alone ${fmt.ms(p.alone.p99)}, ${fmt.n(p.alone.reqPerSec)} req/s; pages: ${p.pages} served, p50 ${fmt.ms(p.pageP50)}, p99 ${fmt.ms(p.pageP99)}${p.pageFailures ? `, ${p.pageFailures} failed` : ""})`,
        "",
      ]);
    }
  }

  if (status("events (Redis, PostgreSQL)", events)) {
    measures.push([
      "events: Redis bus, emit -> subscriber ran (pg)",
      `${fmt.n(events.eventsPerSec)} events/s  (${events.events} events x ${events.subscribers} subscribers = ${fmt.n(events.jobsPerSec)} runs/s, all run ${secs(events.ms)} after the first emit; ` +
        `emitted in transactions of ${events.perRequest}, answered after ${secs(events.emitMs)}; redis.concurrency ${events.concurrency}; ${events.duplicates} duplicate runs)`,
      "",
    ]);
  }

  if (status("cluster (PostgreSQL)", cluster)) {
    measures.push([
      `cluster: --cluster ${cluster.workers} / 1 process, GET /store/products?limit=20`,
      `x${fmt.n(cluster.ratio, 2)}  (${fmt.n(cluster.cluster.reqPerSec)} vs ${fmt.n(cluster.single.reqPerSec)} req/s, ${cluster.products} products; ${os.cpus().length} cpus, autocannon and PostgreSQL on the same machine)`,
      "",
    ]);
    loads.push(loadRow(`GET /store/products?limit=20 --cluster ${cluster.workers} (pg)`, cluster.cluster, "1 process", cluster.single));
    if (cluster.cluster.rounds?.length > 1) {
      const ratios = cluster.cluster.rounds.map((r, i) => fmt.pct((100 * r.reqPerSec) / cluster.single.rounds[i].reqPerSec));
      loads.push(`  ${cluster.cluster.rounds.length} alternating rounds: ratio ${ratios.join(", ")}`);
    }
    loads.push(...loadNotesOf(cluster, { single: "1 process", cluster: `--cluster ${cluster.workers}` }, busyWarnPct));
  }
  return { measures, loads, after };
}

module.exports = { fmt, table, LOAD_COLUMNS, loadRow, MEASURE_COLUMNS, addedSummaryRows };
