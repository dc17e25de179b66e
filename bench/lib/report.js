"use strict";
// Plain-text tables for the console.

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

module.exports = { fmt, table, LOAD_COLUMNS, loadRow };
