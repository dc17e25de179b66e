"use strict";
// Checkout on PostgreSQL: `kiosk start` (production build) of a copy of the store fixture
// on a fresh database, with a region, a flat-rate manual shipping option and products of
// ample stock seeded through the Admin API; then
//   (a) POST /store/carts under autocannon (32 connections, 5 s after a 1 s warm-up);
//   (b) full checkouts at concurrency 8 for ~10 s: each worker loops create cart -> add a
//       line item -> email + shipping address -> shipping method -> payment sessions (the
//       manual provider, the only one, is selected) -> complete, over keep-alive connections;
//   (c) oversell: 50 ready carts of 1 unit each, completed all at once, racing for 10 units:
//       exactly 10 orders, the other 40 answered 422 insufficient_inventory, stock 0;
//   (d) a card provider 100 ms away: the card-store fixture (its provider in src/services,
//       every call taking CARD_LATENCY_MS) on the same database; full checkouts paid by card
//       (select the card session, send the card, complete) at concurrency 32 for ~10 s, with
//       GET /store/products under autocannon meanwhile, next to the catalog alone.
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { stop } = require("../lib/server-process");
const { load, logResult, cpuMsOf, backgroundBusyPct } = require("../lib/load");
const { backendMonitor, connect } = require("../lib/postgres");
const { missingPostgres, freshDatabase, prepareStoreProject, startStore, adminClient, seedCatalog } = require("../lib/store");
const { summarize } = require("../lib/cpuprofile-top");
const { repoRoot, request, percentile, pool, sleep, logTail, log } = require("../lib/util");
const { post, readyCart } = require("../lib/checkout-flow");

const PRODUCTS = 20;
const STOCK = 1_000_000;
const WORKERS = 8;
/** Card checkouts wait ~300 ms on the provider each (start, card, authorize): more workers keep the server busy. */
const CARD_WORKERS = 32;
const CARD_LATENCY_MS = 100;
const CHECKOUT_S = 10;
const RACERS = 50;
const RACE_STOCK = 10;
const CHECKOUTS_BUDGET = 40;
/** PostgreSQL's backends flush their statistics (pg_stat_database) at most once a second. */
const STATS_FLUSH_MS = 1100;
/** For scale (the brief's figures): full checkouts per second of other engines. */
const REFERENCES = [
  { name: "Medusa v1", perSec: 4.4 },
  { name: "Vendure", perSec: 8.6 },
];

/** CPU ms spent between two cpuMsOf samples (pids that appeared count from zero). */
function cpuSpent(before, after) {
  let ms = 0;
  for (const [pid, v] of after) ms += v - (before.get(pid) ?? 0);
  return ms;
}

/** (b): `workers` loops of full checkouts for `seconds` (paid by `card` when given). `n0` numbers the buyers' emails. */
async function checkoutLoop(port, { regionId, optionId, variants, seconds = CHECKOUT_S, n0 = 0, workers = WORKERS, card }) {
  const times = [];
  const failures = [];
  let n = n0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (performance.now() < deadline) {
          const i = n++;
          const t0 = performance.now();
          try {
            const id = await readyCart(port, { regionId, optionId, variantId: variants[i % variants.length], agent, n: i, card });
            const done = await post(port, `/store/carts/${id}/complete`, undefined, agent);
            if (done.type !== "order") throw new Error(`complete answered type ${done.type}`);
            times.push(performance.now() - t0);
          } catch (err) {
            failures.push(err.message);
            if (failures.length > 20) throw new Error(`more than 20 checkouts failed; first: ${failures[0]}`);
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  return {
    workers,
    checkouts: times.length,
    failed: failures.length,
    firstFailure: failures[0],
    elapsedMs,
    perSec: (1000 * times.length) / elapsedMs,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    requestsPerCheckout: card ? 8 : 6,
  };
}

/**
 * (d): the card-store project on the same database, its provider CARD_LATENCY_MS away: the
 * catalog alone, then card checkouts with the catalog under load meanwhile.
 */
async function cardCheckouts(db, ids, variants, logDir) {
  const dir = prepareStoreProject(db.url, { fixture: "card-store", admin: false });
  const env = { CARD_LATENCY_MS: String(CARD_LATENCY_MS), CARD_BANK: "memory" };
  const server = await startStore(dir, db.url, { env, logFile: path.join(logDir ?? dir, "kiosk-card.log") });
  try {
    const catalogUrl = `http://127.0.0.1:${server.port}/store/products?limit=20`;
    const catalogAlone = await load(catalogUrl, { connections: 8 });
    logResult("kiosk catalog alone (card-store)", catalogAlone);
    log(`checkout: card checkouts, provider ${CARD_LATENCY_MS} ms away, ${CARD_WORKERS} workers for ${CHECKOUT_S} s, catalog under load meanwhile`);
    const [loop, catalogDuring] = await Promise.all([
      checkoutLoop(server.port, { ...ids, variants, workers: CARD_WORKERS, card: "4242424242424242", n0: 5_000_000 }),
      load(catalogUrl, { connections: 8, warmup: 0, duration: CHECKOUT_S - 1, settle: false }),
    ]);
    logResult("kiosk catalog during card checkouts", catalogDuring);
    log(`checkout: ${loop.checkouts} card checkouts in ${(loop.elapsedMs / 1000).toFixed(1)} s = ${loop.perSec.toFixed(1)}/s, p50 ${loop.p50.toFixed(0)} ms, p99 ${loop.p99.toFixed(0)} ms${loop.failed ? `; ${loop.failed} failed, first: ${loop.firstFailure}` : ""}`);
    return { latencyMs: CARD_LATENCY_MS, checkout: loop, catalogAlone, catalogDuring };
  } finally {
    await stop(server.proc);
  }
}

/** (c): RACERS ready carts for one variant of RACE_STOCK units, completed at once. */
async function oversell(port, db, { regionId, optionId, variantId, productId, admin }) {
  const ids = new Array(RACERS);
  await pool(WORKERS, Array.from({ length: RACERS }, (_, i) => i), async (i) => {
    ids[i] = await readyCart(port, { regionId, optionId, variantId, agent: false, n: 1_000_000 + i });
  });
  // One fresh connection each, all sent before any answer comes back.
  const results = await Promise.all(ids.map((id) => request(port, `/store/carts/${id}/complete`, { method: "POST", body: {}, timeout: 60_000 })));
  const won = results.filter((r) => r.status === 200 && JSON.parse(r.body).type === "order");
  const rejected = results.filter((r) => r.status === 422 && /insufficient_inventory/.test(r.body));
  const other = results.filter((r) => !won.includes(r) && !rejected.includes(r));
  const { product } = await admin(`/admin/products/${productId}`);
  const stock = product.variants.find((v) => v.id === variantId).inventory_quantity;
  const [{ n: orders }] = await db.query(`SELECT COUNT(*)::int AS n FROM "order" WHERE cart_id = ANY($1)`, [ids]);
  const ok = won.length === RACE_STOCK && orders === RACE_STOCK && stock === 0 && rejected.length === RACERS - RACE_STOCK;
  return {
    racers: RACERS,
    units: RACE_STOCK,
    won: won.length,
    orders,
    rejected: rejected.length,
    other: other.length,
    firstOther: other[0] ? `${other[0].status} ${other[0].body.slice(0, 200)}` : undefined,
    stockAfter: stock,
    oversold: Math.max(0, orders - RACE_STOCK),
    ok,
  };
}

/** PostgreSQL transactions committed and rolled back in the database so far. */
async function transactions(db) {
  const [r] = await db.query("SELECT xact_commit::bigint AS c, xact_rollback::bigint AS r FROM pg_stat_database WHERE datname = current_database()");
  return Number(r.c) + Number(r.r);
}

/**
 * KIOSK_BENCH_PROFILE: a separate kiosk under --cpu-prof (slower while profiled: not the
 * measured one), 2 s of checkouts to warm up then 5 s profiled; kept in bench/results.
 */
async function profileCheckouts(dir, databaseUrl, logDir, ids) {
  const profDir = path.join(logDir, "cpu-prof-checkout");
  const profiled = await startStore(dir, databaseUrl, { nodeArgs: ["--cpu-prof", "--cpu-prof-dir", profDir], logFile: path.join(logDir, "kiosk-checkout-prof.log") });
  let window;
  try {
    log("checkout: profiling kiosk on full checkouts (KIOSK_BENCH_PROFILE)");
    await checkoutLoop(profiled.port, { ...ids, seconds: 2, n0: 2_000_000 });
    const fromMs = performance.now() - profiled.proc.t0;
    const r = await checkoutLoop(profiled.port, { ...ids, seconds: 5, n0: 3_000_000 });
    window = { what: "full checkouts", perSec: r.perSec, fromMs, toMs: performance.now() - profiled.proc.t0 };
  } finally {
    await stop(profiled.proc);
  }
  const file = fs.existsSync(profDir) && fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) {
    log(`checkout: no .cpuprofile written (kiosk did not exit cleanly?)\n${logTail(profiled.proc.logFile)}`);
    return undefined;
  }
  const keep = path.join(__dirname, "..", "results", "kiosk-checkout.cpuprofile");
  fs.mkdirSync(path.dirname(keep), { recursive: true });
  fs.copyFileSync(path.join(profDir, file), keep);
  return { file: path.relative(repoRoot, keep), ...window, summary: summarize(JSON.parse(fs.readFileSync(keep, "utf8")), 30, window) };
}

async function run({ logDir } = {}) {
  const missing = await missingPostgres("cart");
  if (missing) {
    log(`checkout: skipped: ${missing}`);
    return { skipped: missing };
  }
  const db = await freshDatabase("checkout");
  if (db.skipped) {
    log(`checkout: skipped: ${db.skipped}`);
    return db;
  }
  let server;
  let pg;
  let monitor;
  try {
    log(`checkout: database ${db.name}; kiosk build + migrate on a copy of the store fixture`);
    const dir = prepareStoreProject(db.url);
    server = { dir, ...(await startStore(dir, db.url, { logFile: path.join(dir, "kiosk-start.log") })) };
    const { port } = server;
    const admin = await adminClient(port);
    const { region } = await admin("/admin/regions", { name: "Europe", currency_code: "eur", tax_rate: 20, countries: ["de", "fr", "it"] });
    const { shipping_option: option } = await admin("/admin/shipping-options", { name: "Standard", region_id: region.id, provider_id: "manual", price_type: "flat_rate", amount: 499 });
    const seededAt = performance.now();
    const products = await seedCatalog(admin, { region, products: PRODUCTS, sizes: ["S"], stock: () => STOCK, collections: 1, prefix: "checkout" });
    const [raceProduct] = await seedCatalog(admin, { region, products: 1, sizes: ["S"], stock: () => RACE_STOCK, collections: 1, prefix: "race" });
    log(`checkout: seeded a region, a shipping option, ${PRODUCTS} products of ${STOCK} units and one of ${RACE_STOCK} in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`);
    const ids = { regionId: region.id, optionId: option.id };

    monitor = await backendMonitor(db.url);
    const pids = async () => [server.proc.child.pid, ...(await monitor.pids("kiosk"))];
    const carts = await load(`http://127.0.0.1:${port}/store/carts`, { pids, request: { method: "POST", body: { region_id: region.id } } });
    logResult("kiosk", carts);

    log(`checkout: full checkouts, ${WORKERS} workers for ${CHECKOUT_S} s`);
    const background = await backgroundBusyPct();
    pg = await connect(db.url);
    // A backend reports its statistics at most once a second: let the carts run's settle first.
    await sleep(STATS_FLUSH_MS);
    const xactBefore = await transactions(pg);
    const nodeBefore = cpuMsOf([server.proc.child.pid]);
    const pgBefore = cpuMsOf(await monitor.pids("kiosk"));
    const variants = products.map((p) => p.variants[0].id);
    const loop = await checkoutLoop(port, { ...ids, variants });
    await sleep(STATS_FLUSH_MS);
    loop.pgTransactionsPerCheckout = ((await transactions(pg)) - xactBefore) / loop.checkouts;
    loop.nodeCpuMsPerCheckout = cpuSpent(nodeBefore, cpuMsOf([server.proc.child.pid])) / loop.checkouts;
    loop.pgCpuMsPerCheckout = cpuSpent(pgBefore, cpuMsOf(await monitor.pids("kiosk"))) / loop.checkouts;
    loop.cpuMsPerCheckout = loop.nodeCpuMsPerCheckout + loop.pgCpuMsPerCheckout;
    loop.backgroundBusyPct = background;
    log(`checkout: ${loop.checkouts} checkouts in ${(loop.elapsedMs / 1000).toFixed(1)} s = ${loop.perSec.toFixed(1)}/s, p50 ${loop.p50.toFixed(0)} ms, p99 ${loop.p99.toFixed(0)} ms, server CPU ${loop.cpuMsPerCheckout.toFixed(1)} ms/checkout (node ${loop.nodeCpuMsPerCheckout.toFixed(1)}, PostgreSQL ${loop.pgCpuMsPerCheckout.toFixed(1)}), ${loop.pgTransactionsPerCheckout.toFixed(1)} pg transactions/checkout${loop.failed ? `; ${loop.failed} failed, first: ${loop.firstFailure}` : ""}`);

    log(`checkout: oversell: ${RACERS} concurrent completions for ${RACE_STOCK} units`);
    const race = await oversell(port, pg, { ...ids, variantId: raceProduct.variants[0].id, productId: raceProduct.id, admin });
    log(`checkout: oversell: ${race.won} orders (${race.orders} in the database), ${race.rejected} x 422 insufficient_inventory, ${race.other} other, stock after ${race.stockAfter}: ${race.ok ? "zero oversell" : "WRONG"}`);
    const card = await cardCheckouts(db, ids, variants, logDir).catch((err) => ({ error: String(err.message).split("\n")[0] }));
    let profile;
    if (process.env.KIOSK_BENCH_PROFILE) {
      await stop(server.proc);
      profile = await profileCheckouts(server.dir, db.url, logDir ?? server.dir, { ...ids, variants });
    }
    return {
      profile,
      carts,
      checkout: { ...loop, budgetPerSec: CHECKOUTS_BUDGET, ok: loop.perSec >= CHECKOUTS_BUDGET && loop.failed === 0 },
      oversell: race,
      card,
      references: REFERENCES,
      seed: { products: PRODUCTS, stock: STOCK },
    };
  } finally {
    await monitor?.close();
    await pg?.close();
    if (server) await stop(server.proc);
    db.drop();
  }
}

module.exports = { run };
