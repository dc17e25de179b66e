"use strict";
// Cold CLI wall time of each generator: `node bin/kiosk.js g …` (a new node process each,
// as a user's `npx kiosk g …` minus npx) in a project scaffolded by create-store (SQLite,
// --no-migrate --no-seed --no-git: generators need neither). Each round runs the whole
// sequence in a fresh copy of that project, so every run really writes its files (entity
// Comment's belongs-to edits the Post model the round's first run wrote, with ts-morph);
// the median of the rounds is reported per generator.
const fs = require("node:fs");
const path = require("node:path");
const { tempDir } = require("../lib/cleanup");
const { runCommand, kioskBin } = require("../lib/server-process");
const { repoRoot, median, cleanEnv, log } = require("../lib/util");

const ROUNDS = 3;
const ENTITY_BUDGET_MS = 1500;

/** In order: a later generator may depend on an earlier one's files (Comment belongs to Post). */
const GENERATORS = [
  { key: "entity-crud", args: ["entity", "Post", "title:string", "body:text?", "--crud"], budgetMs: ENTITY_BUDGET_MS },
  { key: "entity-belongs-to", args: ["entity", "Comment", "post:belongs-to", "body:text"], budgetMs: ENTITY_BUDGET_MS, note: "ts-morph edit of Post" },
  { key: "service", args: ["service", "Thing"] },
  { key: "route", args: ["route", "store/things/[id]", "--methods", "get,post"] },
  { key: "subscriber", args: ["subscriber", "OrderMailer", "--event", "order.placed"] },
  { key: "job", args: ["job", "Hourly", "--schedule", "0 * * * *"] },
  { key: "migration", args: ["migration", "z"] },
  { key: "plugin", args: ["plugin", "p"] },
];

/** `kiosk g <args>` as typed in a shell (quotes where needed). */
function display(args) {
  return `kiosk g ${args.map((a) => (/[\s*?[\]]/.test(a) && !/^[\w:/[\]-]+$/.test(a) ? JSON.stringify(a) : a)).join(" ")}`;
}

async function run() {
  const root = tempDir("kiosk-bench-generators-");
  const base = path.join(root, "base");
  log("generators: scaffolding the project (create-store --yes --no-migrate --no-seed --no-git)");
  const created = await runCommand(process.execPath, [path.join(repoRoot, "bin", "create-store.js"), base, "--yes", "--no-migrate", "--no-seed", "--no-git"], { cwd: root, env: cleanEnv() });
  if (created.code !== 0) throw new Error(`create-store failed (code ${created.code}):\n${created.output.slice(-3000)}`);

  const runs = Object.fromEntries(GENERATORS.map((g) => [g.key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const dir = path.join(root, `round-${round + 1}`);
    fs.cpSync(base, dir, { recursive: true }); // symlinks in node_modules are made absolute
    for (const g of GENERATORS) {
      const r = await runCommand(process.execPath, [kioskBin, "g", ...g.args], { cwd: dir, env: cleanEnv(), timeoutMs: 60_000 });
      if (r.code !== 0) throw new Error(`${display(g.args)} failed in round ${round + 1} (code ${r.code}):\n${r.output.slice(-2000)}`);
      if (!/^\s*(create|update)\s/m.test(r.output)) throw new Error(`${display(g.args)} wrote nothing in a fresh project:\n${r.output.slice(-2000)}`);
      runs[g.key].push(r.ms);
    }
    log(`generators: round ${round + 1}: ${GENERATORS.map((g) => `${g.args[0]} ${runs[g.key][round].toFixed(0)} ms`).join(", ")}`);
  }
  const out = { rounds: ROUNDS, generators: [] };
  for (const g of GENERATORS) {
    const medianMs = median(runs[g.key]);
    out.generators.push({
      key: g.key,
      command: display(g.args),
      note: g.note,
      runsMs: runs[g.key],
      medianMs,
      budgetMs: g.budgetMs,
      ok: g.budgetMs === undefined ? undefined : medianMs < g.budgetMs,
    });
  }
  return out;
}

module.exports = { run };
