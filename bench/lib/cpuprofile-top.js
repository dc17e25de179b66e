"use strict";
// Summarises a V8 .cpuprofile (node --cpu-prof): the top frames by self time, and
// self time grouped by where the code lives (a package, kiosk, node internals, GC...).
// Usage: node bench/lib/cpuprofile-top.js <file.cpuprofile> [topN]
const fs = require("node:fs");

function where(url) {
  if (!url) return "(native/vm)";
  if (url.startsWith("node:")) return "node internals";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (/\/dist\/src\//.test(url)) return "kiosk (dist/src)";
  return url.replace(/^file:\/\//, "");
}

/**
 * `window` ({ fromMs, toMs } after the profile's start) keeps only the samples taken
 * then, e.g. the load and not the boot.
 */
function summarize(profile, topN = 25, window = undefined) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  const from = window ? window.fromMs * 1000 : -Infinity;
  const to = window ? window.toMs * 1000 : Infinity;
  let at = 0;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0;
    if (at < from || at > to) continue;
    const dt = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const frames = new Map();
  const groups = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || "(anonymous)";
    const key = `${name}  ${callFrame.url ? `${callFrame.url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "")}:${callFrame.lineNumber + 1}` : ""}`;
    frames.set(key, (frames.get(key) ?? 0) + us);
    const g = ["(garbage collector)", "(program)", "(idle)"].includes(name) ? name : where(callFrame.url);
    groups.set(g, (groups.get(g) ?? 0) + us);
  }
  const pct = (us) => ((100 * us) / total).toFixed(1).padStart(5) + "%";
  const idle = groups.get("(idle)") ?? 0;
  const span = window ? `from ${(window.fromMs / 1000).toFixed(1)} s to ${(window.toMs / 1000).toFixed(1)} s of the process: ` : "";
  const lines = [`${span}${(total / 1e3).toFixed(0)} ms sampled, ${(idle / 1e3).toFixed(0)} ms of it idle`, "", "self time by location:"];
  for (const [g, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${pct(us)}  ${g}`);
  lines.push("", `top ${topN} frames by self time:`);
  for (const [k, us] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, topN)) lines.push(`  ${pct(us)}  ${k}`);
  return lines.join("\n");
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: node bench/lib/cpuprofile-top.js <file.cpuprofile> [topN]\n");
    process.exit(2);
  }
  process.stdout.write(summarize(JSON.parse(fs.readFileSync(file, "utf8")), Number(process.argv[3] ?? 25)) + "\n");
}

module.exports = { summarize };
