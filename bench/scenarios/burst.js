"use strict";
// Bursts and large pages, on SQLite and on PostgreSQL: `kiosk start` of a copy of the store
// fixture with a region, a shipping option and 200 products seeded through the Admin API; then
//   (a) three bursts of 200 requests sent at once, each on its own connection, mixed as a shop
//       sees them: 80 product lists, 40 product pages, 30 new carts, 30 line adds and 20
//       completions of ready carts; p50/p99 of each burst (budget: p99 under 1 s);
//   (b) 50 clients reading the largest page of products (the route's maximum `limit`) in a
//       loop while POST /store/carts runs under autocannon: its p99 next to its p99 alone.
const path = require("node:path");
const { stop } = require("../lib/server-process");
const { load, logResult } = require("../lib/load");
const { missingPostgres, freshDatabase, prepareStoreProject, startStore, adminClient, seedCatalog } = require("../lib/store");
const { post, readyCart } = require("../lib/checkout-flow");
const { request, percentile, pool, log } = require("../lib/util");

const PRODUCTS = 200;
const BURSTS = 3;
const BURST_MIX = { list: 80, product: 40, cart: 30, line: 30, complete: 20 };
const BURST_BUDGET_MS = 1000;
/** The store product list's maximum `limit` (src/modules/product/api/store/products/validators.ts). */
const LARGEST_PAGE = 200;
const PAGE_READERS = 50;
const PAGE_SECONDS = 8;

/** One burst: every request of the mix sent at once; latencies per kind and overall. */
async function burst(port, { regionId, optionId, products, n0 }) {
  const variants = products.map((p) => p.variants[0].id);
  const lineCarts = await Promise.all(Array.from({ length: BURST_MIX.line }, () => post(port, "/store/carts", { region_id: regionId })));
  const ready = [];
  await pool(8, Array.from({ length: BURST_MIX.complete }, (_, i) => i), async (i) => {
    ready[i] = await readyCart(port, { regionId, optionId, variantId: variants[i % variants.length], agent: false, n: n0 + i });
  });
  const jobs = [
    ...Array.from({ length: BURST_MIX.list }, (_, i) => ["list", `/store/products?limit=20&offset=${(i * 20) % PRODUCTS}`]),
    ...Array.from({ length: BURST_MIX.product }, (_, i) => ["product", `/store/products/${products[i % products.length].id}`]),
    ...Array.from({ length: BURST_MIX.cart }, () => ["cart", "/store/carts", { region_id: regionId }]),
    ...lineCarts.map(({ cart }, i) => ["line", `/store/carts/${cart.id}/line-items`, { variant_id: variants[i % variants.length], quantity: 1 }]),
    ...ready.map((id) => ["complete", `/store/carts/${id}/complete`, {}]),
  ];
  const results = await Promise.all(
    jobs.map(async ([kind, p, body]) => {
      const t0 = performance.now();
      const r = await request(port, p, { method: body ? "POST" : "GET", body, timeout: 60_000 });
      return { kind, ms: performance.now() - t0, status: r.status, body: r.status >= 300 ? r.body.slice(0, 200) : "" };
    }),
  );
  const ms = results.map((r) => r.ms);
  const byKind = {};
  for (const kind of Object.keys(BURST_MIX)) {
    const k = results.filter((r) => r.kind === kind).map((r) => r.ms);
    byKind[kind] = { p50: percentile(k, 50), p99: percentile(k, 99) };
  }
  const failed = results.filter((r) => r.status < 200 || r.status >= 300);
  return { requests: results.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms), byKind, failed: failed.length, firstFailure: failed[0] && `${failed[0].kind} ${failed[0].status} ${failed[0].body}` };
}

/** (b): PAGE_READERS loops of the largest page, and POST /store/carts under load meanwhile. */
async function largePages(port, regionId) {
  const cartsUrl = `http://127.0.0.1:${port}/store/carts`;
  const cartRequest = { method: "POST", body: { region_id: regionId } };
  const alone = await load(cartsUrl, { connections: 8, request: cartRequest });
  logResult("kiosk POST /store/carts alone", alone);
  let reading = true;
  let pages = 0;
  let pageFailures = 0;
  const pageTimes = [];
  const readers = Array.from({ length: PAGE_READERS }, async () => {
    while (reading) {
      const t0 = performance.now();
      const r = await request(port, `/store/products?limit=${LARGEST_PAGE}`, { timeout: 60_000 });
      if (r.status === 200) pages++;
      else pageFailures++;
      pageTimes.push(performance.now() - t0);
    }
  });
  // The readers keep the bench busy on purpose: no waiting for its own processes to go quiet.
  const during = await load(cartsUrl, { connections: 8, warmup: 1, duration: PAGE_SECONDS, request: cartRequest, settle: false });
  reading = false;
  await Promise.all(readers);
  logResult(`kiosk POST /store/carts while ${PAGE_READERS} clients read ${LARGEST_PAGE}-product pages`, during);
  return { readers: PAGE_READERS, limit: LARGEST_PAGE, alone, during, pages, pageFailures, pageP50: percentile(pageTimes, 50), pageP99: percentile(pageTimes, 99) };
}

async function onDatabase(dialect, databaseUrl, logDir) {
  const dir = prepareStoreProject(databaseUrl);
  const server = await startStore(dir, databaseUrl, { logFile: path.join(logDir ?? dir, `kiosk-burst-${dialect}.log`) });
  try {
    const admin = await adminClient(server.port);
    const { region } = await admin("/admin/regions", { name: "Europe", currency_code: "eur", tax_rate: 20, countries: ["de", "fr"] });
    const { shipping_option: option } = await admin("/admin/shipping-options", { name: "Standard", region_id: region.id, provider_id: "manual", price_type: "flat_rate", amount: 499 });
    const products = await seedCatalog(admin, { region, products: PRODUCTS, stock: () => 1_000_000, prefix: `burst-${dialect}` });
    const bursts = [];
    for (let b = 0; b < BURSTS; b++) {
      const r = await burst(server.port, { regionId: region.id, optionId: option.id, products, n0: 10_000 * (b + 1) });
      log(`burst: ${dialect} burst ${b + 1}: ${r.requests} requests, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms${r.failed ? `; ${r.failed} failed, first: ${r.firstFailure}` : ""}`);
      bursts.push(r);
    }
    const pages = await largePages(server.port, region.id);
    const worstP99 = Math.max(...bursts.map((r) => r.p99));
    return { bursts, worstP99, budgetMs: BURST_BUDGET_MS, ok: worstP99 < BURST_BUDGET_MS && bursts.every((r) => !r.failed), pages };
  } finally {
    await stop(server.proc);
  }
}

async function run({ logDir } = {}) {
  const out = {};
  log("burst: SQLite");
  out.sqlite = await onDatabase("sqlite", undefined, logDir).catch((err) => ({ error: String(err.message).split("\n")[0] }));
  const missing = await missingPostgres("cart");
  const db = missing ? { skipped: missing } : await freshDatabase("burst");
  if (db.skipped) out.postgres = { skipped: db.skipped };
  else {
    try {
      log(`burst: PostgreSQL (${db.name})`);
      out.postgres = await onDatabase("postgres", db.url, logDir).catch((err) => ({ error: String(err.message).split("\n")[0] }));
    } finally {
      db.drop();
    }
  }
  return out;
}

module.exports = { run, LARGEST_PAGE };
