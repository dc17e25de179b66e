"use strict";
// bench/results/history.jsonl: one line per run (commit, date, node, cpu, every figure of the
// summary), and `node bench/run.js --history` to compare the last runs side by side.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { table } = require("./report");
const { repoRoot } = require("./util");

const HISTORY_FILE = path.join(__dirname, "..", "results", "history.jsonl");
const BUDGET_PCT = 80;

/** A path inside the checkout relative to it, any other as it is. */
const shown = (file) => (path.resolve(file).startsWith(repoRoot + path.sep) ? path.relative(repoRoot, file) : file);
const round = (x, d) => (typeof x === "number" && Number.isFinite(x) ? Number(x.toFixed(d)) : undefined);

/** The checkout's commit and whether its tree differs from it (bench/results and node_modules aside). */
function commitOf() {
  const git = (...args) => spawnSync("git", args, { cwd: repoRoot, encoding: "utf8", timeout: 10_000 });
  const head = git("rev-parse", "HEAD");
  if (head.status !== 0) return { commit: null, dirty: null };
  const status = git("status", "--porcelain", "--", ".", ":(exclude)bench/results", ":(exclude)node_modules");
  return { commit: head.stdout.trim(), dirty: status.status === 0 ? status.stdout.trim() !== "" : null };
}

/**
 * Every figure of a run's summary, flat: { part, metric, value, unit, budget?, ok?, busyPct? }.
 * A unit ending in "/req" or "/checkout" is work per unit (the CPU a server spent, "cpu ms/req",
 * or PostgreSQL transactions), which moves far less with the machine's speed and load than
 * rates and latencies do; `busyPct` is how busy other processes kept the machine just before
 * the figure was measured.
 */
function figuresOf(results) {
  const out = [];
  const add = (part, metric, value, unit, extra = {}) => {
    if (value === undefined || value === null || (typeof value === "number" && !Number.isFinite(value))) return;
    out.push({ part, metric, value, unit, ...extra });
  };
  const busy = (r) => (r?.backgroundBusyPct === undefined ? {} : { busyPct: round(r.backgroundBusyPct, 0) });
  /** req/s, p50, p99 and cpu/req of one load result. */
  const loadFigures = (part, label, r) => {
    if (!r) return;
    add(part, `${label}: req/s`, round(r.reqPerSec, 1), "req/s", busy(r));
    add(part, `${label}: p50`, round(r.p50, 2), "ms");
    add(part, `${label}: p99`, round(r.p99, 2), "ms");
    add(part, `${label}: cpu/req`, round(r.cpuMsPerReq, 4), "cpu ms/req");
  };
  const ratio = (part, label, pct, budgetPct) =>
    add(part, label, round(pct, 1), "%", budgetPct === undefined ? {} : { budget: `>=${budgetPct}%`, ok: pct >= budgetPct });
  const ran = (r) => r && !r.skipped && !r.error;
  const { boot, load, develop, catalog, scaffold, generators, checkout, burst, events, cluster, dashboard } = results;

  if (ran(boot)) {
    add("boot", "spawn -> first /health 200 (median)", round(boot.bootMedianMs, 1), "ms");
    add("boot", "idle RSS 1 s after boot (median)", round(boot.rssMedianMB, 1), "MB");
  }
  if (ran(load)) {
    loadFigures("load", "kiosk GET /health", load.kioskHealth);
    loadFigures("load", "express GET /health", load.expressHealth);
    loadFigures("load", "kiosk GET /store/ping", load.kioskPing);
    loadFigures("load", "express GET /store/ping", load.expressPing);
    loadFigures("load", "kiosk GET /store/notes (SQLite)", load.kioskNotes);
    ratio("load", "GET /store/ping: kiosk / express req/s", load.pingPctOfExpress, BUDGET_PCT);
  }
  if (ran(develop)) {
    add("develop", "edit -> new response (median)", round(develop.medianMs, 1), "ms");
    add("develop", "edit -> new response (max)", round(develop.maxMs, 1), "ms");
    add("develop", "non-200 answers during the edits", develop.failed, "requests");
  }
  if (ran(catalog)) {
    add("catalog", "seed through POST /admin/products", round(catalog.seed.ms, 0), "ms");
    add("catalog", "kiosk and hand-written JSON identical", Object.values(catalog.parity).every((d) => !d), "");
    loadFigures("catalog", "kiosk GET /store/products?limit=20", catalog.kioskList);
    loadFigures("catalog", "hand-written GET /store/products?limit=20", catalog.handList);
    ratio("catalog", "GET /store/products?limit=20: kiosk / hand-written req/s", catalog.listPct, BUDGET_PCT);
    if (catalog.cfList) {
      loadFigures("catalog", "kiosk GET /store/products?limit=20, 5 custom fields", catalog.cfList);
      ratio("catalog", "GET /store/products?limit=20: 5 custom fields / plain req/s", catalog.cfListPct, catalog.customFields.budgetPct);
      ratio("catalog", "GET /store/products?limit=20: 5 custom fields / plain cpu/req", catalog.cfCpuPct);
    }
    loadFigures("catalog", "kiosk GET /store/products/:id", catalog.kioskById);
    loadFigures("catalog", "hand-written GET /store/products/:id", catalog.handById);
    ratio("catalog", "GET /store/products/:id: kiosk / hand-written req/s", catalog.byIdPct, BUDGET_PCT);
  }
  if (ran(dashboard)) {
    add("dashboard", "bundle: first screen, gzip", round(dashboard.firstScreenKB, 1), "KB");
    add("dashboard", "bundle: all assets, gzip", round(dashboard.totalKB, 1), "KB");
    add("dashboard", "/app/orders -> orders list rendered (median)", round(dashboard.firstScreenMs, 0), "ms", { budget: `<${dashboard.budgetMs / 1000} s`, ok: dashboard.firstScreenMs < dashboard.budgetMs });
  }
  if (ran(scaffold)) {
    add("scaffold", "create-store <dir> --yes", round(scaffold.createMs, 0), "ms");
    add("scaffold", "npm run dev -> first 200", round(scaffold.devMs, 0), "ms");
    add("scaffold", "create-store -> first 200 of npm run dev", round(scaffold.totalMs, 0), "ms", { budget: `<${scaffold.budgetMs / 1000} s`, ok: scaffold.ok });
  }
  if (ran(generators)) {
    for (const g of generators.generators) {
      add("generators", g.command.replace(/^kiosk /, ""), round(g.medianMs, 0), "ms", g.budgetMs === undefined ? {} : { budget: `<${g.budgetMs / 1000} s`, ok: g.ok });
    }
  }
  if (ran(checkout)) {
    loadFigures("checkout", "kiosk POST /store/carts", checkout.carts);
    const c = checkout.checkout;
    add("checkout", "full checkouts/s", round(c.perSec, 1), "/s", { budget: `>=${c.budgetPerSec}/s`, ok: c.ok, ...busy(c) });
    add("checkout", "full checkout: p50", round(c.p50, 1), "ms");
    add("checkout", "full checkout: p99", round(c.p99, 1), "ms");
    add("checkout", "full checkout: server cpu", round(c.cpuMsPerCheckout, 2), "cpu ms/checkout");
    add("checkout", "full checkout: node cpu", round(c.nodeCpuMsPerCheckout, 2), "cpu ms/checkout");
    add("checkout", "full checkout: PostgreSQL cpu", round(c.pgCpuMsPerCheckout, 2), "cpu ms/checkout");
    add("checkout", "full checkout: PostgreSQL transactions", round(c.pgTransactionsPerCheckout, 2), "pg xact/checkout");
    add("checkout", "full checkouts failed", c.failed, "checkouts");
    const o = checkout.oversell;
    add("checkout", `${o.racers} completions for ${o.units} units: orders`, o.orders, "orders", { budget: `exactly ${o.units} orders, stock 0`, ok: o.ok });
    add("checkout", `${o.racers} completions for ${o.units} units: stock after`, o.stockAfter, "units");
    const card = checkout.card;
    if (card && !card.error) {
      add("checkout", `card ${card.latencyMs} ms away: checkouts/s`, round(card.checkout.perSec, 1), "/s");
      add("checkout", `card ${card.latencyMs} ms away: p50`, round(card.checkout.p50, 1), "ms");
      add("checkout", `card ${card.latencyMs} ms away: p99`, round(card.checkout.p99, 1), "ms");
      add("checkout", `card ${card.latencyMs} ms away: catalog meanwhile req/s`, round(card.catalogDuring.reqPerSec, 1), "req/s");
      add("checkout", `card ${card.latencyMs} ms away: catalog meanwhile p99`, round(card.catalogDuring.p99, 1), "ms");
      add("checkout", "card-store catalog alone: req/s", round(card.catalogAlone.reqPerSec, 1), "req/s", busy(card.catalogAlone));
      add("checkout", "card-store catalog alone: p99", round(card.catalogAlone.p99, 1), "ms");
    }
  }
  if (ran(burst)) {
    for (const [db, r] of Object.entries(burst)) {
      if (!ran(r)) continue;
      add("burst", `${db}: ${r.bursts[0].requests} mixed requests at once: worst p99`, round(r.worstP99, 1), "ms", { budget: `p99 <${r.budgetMs / 1000} s`, ok: r.ok });
      const p = r.pages;
      add("burst", `${db}: POST /store/carts alone: req/s`, round(p.alone.reqPerSec, 1), "req/s", busy(p.alone));
      add("burst", `${db}: POST /store/carts alone: p99`, round(p.alone.p99, 1), "ms");
      add("burst", `${db}: POST /store/carts under ${p.readers} page readers: req/s`, round(p.during.reqPerSec, 1), "req/s");
      add("burst", `${db}: POST /store/carts under ${p.readers} page readers: p99`, round(p.during.p99, 1), "ms");
      add("burst", `${db}: ${p.limit}-product page meanwhile: p99`, round(p.pageP99, 1), "ms");
    }
  }
  if (ran(events)) {
    add("events", "emit -> subscriber ran", round(events.eventsPerSec, 1), "events/s");
    add("events", `${events.events} events all run after`, round(events.ms, 0), "ms");
    add("events", "duplicate subscriber runs", events.duplicates, "runs");
    add("events", "outbox rows left", events.outboxLeft, "rows");
  }
  if (ran(cluster)) {
    loadFigures("cluster", "1 process GET /store/products?limit=20", cluster.single);
    loadFigures("cluster", `--cluster ${cluster.workers} GET /store/products?limit=20`, cluster.cluster);
    add("cluster", `--cluster ${cluster.workers} / 1 process req/s`, round(cluster.ratio, 2), "x");
  }
  return out;
}

/** The history line of a finished run (its commit as `results` took it at the start, else as it is now). */
function entryOf(results, parts) {
  const cpus = os.cpus();
  const failed = {};
  const skipped = {};
  for (const part of parts) {
    const r = results[part];
    if (r?.error) failed[part] = r.error;
    else if (r?.skipped) skipped[part] = r.skipped;
  }
  return {
    ...(results.commit === undefined ? commitOf() : { commit: results.commit, dirty: results.dirty }),
    date: results.date,
    node: process.version,
    cpu: { model: cpus[0]?.model?.trim() ?? "?", cores: cpus.length },
    memGB: round(os.totalmem() / 1024 ** 3, 1),
    platform: results.platform,
    postgres: results.postgres,
    busyAtStartPct: round(results.backgroundBusyPct, 0),
    parts,
    ...(Object.keys(failed).length ? { failed } : {}),
    ...(Object.keys(skipped).length ? { skipped } : {}),
    ...(process.env.KIOSK_BENCH_PROFILE ? { profiled: true } : {}),
    figures: figuresOf(results),
  };
}

function append(entry, file = HISTORY_FILE) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, JSON.stringify(entry) + "\n");
  return file;
}

function read(file = HISTORY_FILE) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l);
      } catch {
        return undefined;
      }
    })
    .filter(Boolean);
}

/** Work per unit of work: CPU per request or checkout, transactions per checkout. */
const perWork = (f) => /\/(req|checkout)$/.test(f.unit ?? "");

function show(v) {
  if (v === true) return "yes";
  if (v === false) return "NO";
  if (typeof v !== "number") return String(v);
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}

/**
 * The last `n` entries (of those that ran any of `parts`, when given) side by side: a legend
 * (commit, date, node, cpu of each), then one row per figure, the CPU-per-work rows first.
 * A value is marked `~` when other processes kept the machine more than `busyWarnPct`% busy
 * just before it was measured, and `!` when it missed its budget.
 */
function historyTable({ n = 5, parts = [], busyWarnPct = 15, file = HISTORY_FILE } = {}) {
  const all = read(file);
  const entries = all.filter((e) => !parts.length || e.parts?.some((p) => parts.includes(p))).slice(-n);
  if (!entries.length) return `no runs in ${shown(file)}${parts.length ? ` with ${parts.join(", ")}` : ""}\n`;
  const lines = [`last ${entries.length} of ${all.length} runs in ${shown(file)}${parts.length ? ` (with ${parts.join(", ")})` : ""}:`];
  entries.forEach((e, i) => {
    const commit = e.commit ? `${e.commit.slice(0, 9)}${e.dirty ? " (dirty)" : ""}` : "no commit";
    const notes = [e.failed && `failed: ${Object.keys(e.failed).join(", ")}`, e.profiled && "profiled"].filter(Boolean);
    lines.push(
      `  #${i + 1}  ${commit}  ${e.date?.slice(0, 16).replace("T", " ")}  node ${e.node}  ${e.cpu?.cores} x ${e.cpu?.model}` +
        `${e.postgres ? `  pg ${e.postgres}` : ""}  busy at start ${e.busyAtStartPct ?? "?"}%  parts: ${e.parts?.join(" ")}${notes.length ? `  ${notes.join("; ")}` : ""}`,
    );
  });
  const models = new Set(entries.map((e) => `${e.cpu?.cores} x ${e.cpu?.model}`));
  if (models.size > 1) lines.push(`  ! the runs are on ${models.size} different machines: rates and latencies move with the machine; compare the work-per-request rows`);

  const keyOf = (f) => `${f.part}\u0000${f.metric}`;
  const rows = new Map();
  entries.forEach((e, i) => {
    for (const f of e.figures ?? []) {
      if (parts.length && !parts.includes(f.part)) continue;
      const k = keyOf(f);
      if (!rows.has(k)) rows.set(k, { part: f.part, metric: f.metric, unit: f.unit, budget: f.budget, cells: new Array(entries.length) });
      const row = rows.get(k);
      if (f.budget) row.budget = f.budget;
      row.cells[i] = f;
    }
  });
  const cellText = (f) => (f ? `${show(f.value)}${f.ok === false ? "!" : ""}${f.busyPct > busyWarnPct ? "~" : ""}` : "-");
  const change = (row) => {
    const [a, b] = [row.cells[entries.length - 2]?.value, row.cells[entries.length - 1]?.value];
    if (typeof a !== "number" || typeof b !== "number" || a === 0) return "";
    const pct = (100 * (b - a)) / Math.abs(a);
    return `${pct >= 0 ? "+" : ""}${pct.toFixed(0)}%`;
  };
  const columns = [
    { title: "part", align: "left" },
    { title: "figure", align: "left" },
    { title: "unit", align: "left" },
    ...entries.map((_, i) => ({ title: `#${i + 1}`, align: "right" })),
    ...(entries.length > 1 ? [{ title: `#${entries.length} vs #${entries.length - 1}`, align: "right" }] : []),
    { title: "budget", align: "left" },
  ];
  const toRow = (r) => [r.part, r.metric, r.unit, ...r.cells.map(cellText), ...(entries.length > 1 ? [change(r)] : []), r.budget ?? ""];
  const work = [...rows.values()].filter(perWork);
  const rest = [...rows.values()].filter((r) => !perWork(r));
  const body = [];
  if (work.length) {
    body.push("work per request / checkout (server CPU: its node processes and PostgreSQL backends; transactions): moves far less with the machine than rates do");
    body.push(...work.map(toRow), null);
  }
  body.push("rates, latencies and the rest: move with the machine's speed and its other load");
  body.push(...rest.map(toRow));
  lines.push("", table(columns, body), "");
  lines.push(`~ other processes kept the machine more than ${busyWarnPct}% busy just before the figure was measured; ! missed its budget`);
  return lines.join("\n") + "\n";
}

module.exports = { HISTORY_FILE, figuresOf, entryOf, append, read, historyTable, commitOf };
