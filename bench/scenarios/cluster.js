"use strict";
// `kiosk start --cluster 2` next to one process, on GET /store/products?limit=20 of the
// catalog: a copy of the store fixture on PostgreSQL with 100 products x 3 variants of the
// catalog scenario's shape (half its 200, to save seeding time: a page is 20 products
// either way), seeded through the Admin API. The seeded database is then copied
// (CREATE DATABASE … TEMPLATE) so that each server has its own and the CPU of its
// PostgreSQL backends can be told apart (both pools are named `kiosk`). Both servers run
// at once and are loaded alternately, ROUNDS rounds each.
const fs = require("node:fs");
const path = require("node:path");
const { stop } = require("../lib/server-process");
const { loadAlternating } = require("../lib/load");
const { cloneDatabase, vacuumAnalyze, backendMonitor } = require("../lib/postgres");
const { missingPostgres, freshDatabase, prepareStoreProject, startStore, adminClient, seedCatalog } = require("../lib/store");
const { HOST, requestJson, descendantPids, sleep, logTail, log } = require("../lib/util");

const WORKERS = 2;
const PRODUCTS = 100;
const LIST_PATH = "/store/products?limit=20";
const ROUNDS = 2;

/** Resolves once all `WORKERS` workers of a `--cluster` server logged "serving on". */
async function allWorkersServing(proc, timeoutMs = 30_000) {
  const started = performance.now();
  for (;;) {
    const serving = (fs.readFileSync(proc.logFile, "utf8").match(/serving on/g) ?? []).length;
    const workers = descendantPids(proc.child.pid).length;
    if (serving >= WORKERS && workers >= WORKERS) return { serving, workers };
    if (performance.now() - started > timeoutMs) throw new Error(`${serving} of ${WORKERS} workers serving after ${timeoutMs} ms.\n${logTail(proc.logFile)}`);
    await sleep(20);
  }
}

async function run() {
  const missing = await missingPostgres("product");
  if (missing) {
    log(`cluster: skipped: ${missing}`);
    return { skipped: missing };
  }
  const db = await freshDatabase("cluster");
  if (db.skipped) {
    log(`cluster: skipped: ${db.skipped}`);
    return db;
  }
  let copy;
  const servers = [];
  const monitors = [];
  try {
    log(`cluster: database ${db.name}; kiosk build + migrate on a copy of the store fixture`);
    const dir = prepareStoreProject(db.url);
    const seeder = await startStore(dir, db.url, { logFile: path.join(dir, "kiosk-seed.log") });
    servers.push(seeder);
    const admin = await adminClient(seeder.port);
    const { region } = await admin("/admin/regions", { name: "Europe", currency_code: "eur", tax_rate: 20, countries: ["de", "fr", "it"] });
    const seededAt = performance.now();
    await seedCatalog(admin, { region, products: PRODUCTS });
    const seedMs = performance.now() - seededAt;
    log(`cluster: seeded ${PRODUCTS} products x 3 variants in ${(seedMs / 1000).toFixed(1)} s`);
    await stop(seeder.proc);
    servers.pop();
    await vacuumAnalyze(db.url);
    copy = await cloneDatabase(db.name, "cluster_copy");

    const single = await startStore(dir, db.url, { logFile: path.join(dir, "kiosk-single.log") });
    servers.push(single);
    const clustered = await startStore(dir, copy.url, { extraArgs: ["--cluster", String(WORKERS)], logFile: path.join(dir, "kiosk-cluster.log") });
    servers.push(clustered);
    await allWorkersServing(clustered.proc);
    const [a, b] = await Promise.all([requestJson(single.port, LIST_PATH), requestJson(clustered.port, LIST_PATH)]);
    if (a.products.length !== 20 || a.count !== PRODUCTS || JSON.stringify(a) !== JSON.stringify(b)) {
      throw new Error(`the two servers answer ${LIST_PATH} differently (${a.products.length} of ${a.count} vs ${b.products.length} of ${b.count})`);
    }

    const singleDb = await backendMonitor(db.url);
    monitors.push(singleDb);
    const clusterDb = await backendMonitor(copy.url);
    monitors.push(clusterDb);
    const target = (server, monitor) => ({
      url: `http://${HOST}:${server.port}${LIST_PATH}`,
      pids: async () => [server.proc.child.pid, ...descendantPids(server.proc.child.pid), ...(await monitor.pids("kiosk"))],
    });
    const out = await loadAlternating({ single: target(single, singleDb), cluster: target(clustered, clusterDb) }, { rounds: ROUNDS });
    out.workers = WORKERS;
    out.products = PRODUCTS;
    out.seedMs = seedMs;
    out.ratio = out.cluster.reqPerSec / out.single.reqPerSec;
    log(`cluster: --cluster ${WORKERS} ${out.cluster.reqPerSec.toFixed(0)} req/s vs one process ${out.single.reqPerSec.toFixed(0)} req/s: x${out.ratio.toFixed(2)}`);
    return out;
  } finally {
    for (const m of monitors) await m.close();
    for (const s of servers.reverse()) await stop(s.proc);
    copy?.drop();
    db.drop();
  }
}

module.exports = { run };
