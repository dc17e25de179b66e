"use strict";
// The Store API catalog on PostgreSQL: `kiosk start` on a copy of the bare `store`
// fixture (the core modules alone), 200 products x 3 variants seeded through the Admin
// API, next to bench/handwritten-catalog-server.js (node:http + pg) on the same database.
// Both answer GET /store/products?limit=20 and GET /store/products/:id with the same JSON
// (checked before measuring), then both are loaded alike. The product list is also loaded on
// a copy of the seeded database served by the store fixture with five product custom fields
// (bench/lib/catalog-custom-fields.js), in the same alternation: what custom fields cost the
// catalog. And the product list is loaded asked for the seeded region, with price lists and tax
// rates in force (bench/lib/catalog-pricing.js), in the same alternation: what calculated prices
// with lists and taxes cost the catalog.
const fs = require("node:fs");
const path = require("node:path");
const { copyFixture } = require("../lib/fixture");
const { startKiosk, startNode, runKiosk, waitFor200, stop } = require("../lib/server-process");
const { load, loadAlternating } = require("../lib/load");
const { checkReachable, createDatabase, cloneDatabase, vacuumAnalyze, backendMonitor, ADMIN_URL } = require("../lib/postgres");
const customFields = require("../lib/catalog-custom-fields");
const pricing = require("../lib/catalog-pricing");
const { summarize } = require("../lib/cpuprofile-top");
const { HOST, repoRoot, requestJson, freePort, firstDifference, cleanEnv, logTail, log } = require("../lib/util");

const PRODUCTS = 200;
const SIZES = ["S", "M", "L"];
const COLORS = ["black", "white", "red", "blue"];
const TAGS = 10;
const COLLECTIONS = 4;
const SEED_CONCURRENCY = 8;
const ADMIN = { email: "bench@kiosk.test", password: "bench-password" };
const JWT_SECRET = "bench-secret";
const LIST_PATH = "/store/products?limit=20";
const ROUNDS = 2;
/** Custom fields on the list: req/s at least this share of the plain catalog's. */
const CUSTOM_FIELDS_BUDGET_PCT = 95;
/** The application_name of kiosk's pool (src/kernel/database/create-data-source.ts) and of the baseline's. */
const KIOSK_APPLICATION_NAME = "kiosk";
const HANDWRITTEN_APPLICATION_NAME = "handwritten-bench";

const handwrittenScript = path.join(__dirname, "..", "handwritten-catalog-server.js");

/** Why the scenario cannot run here, or undefined. */
async function missingPrerequisite() {
  if (!fs.existsSync(path.join(repoRoot, "dist", "src", "modules", "product", "api", "store", "products", "route.js"))) {
    return "the product module is not built (no dist/src/modules/product/api/store/products/route.js)";
  }
  try {
    await checkReachable();
  } catch (err) {
    return `PostgreSQL not reachable at ${ADMIN_URL.replace(/\/\/[^@/]*@/, "//")}: ${err.message}`;
  }
  return undefined;
}

/** Kiosk's pool size for the project (its resolved `database.poolSize`), read from kiosk itself. */
function kioskPoolSize(dir, databaseUrl) {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, JWT_SECRET: process.env.JWT_SECRET };
  try {
    process.env.DATABASE_URL = databaseUrl;
    process.env.JWT_SECRET = JWT_SECRET;
    const { loadConfig } = require(path.join(repoRoot, "dist", "src", "kernel", "config", "load-config.js"));
    return loadConfig({ projectDir: dir, env: "production", fromBuild: true }).database.poolSize;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The admin API, with the token. */
function adminClient(port, token) {
  return (p, body) => requestJson(port, p, { method: body ? "POST" : "GET", body, headers: { authorization: `Bearer ${token}` } });
}

async function pool(n, items, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/** A region, collections, and 200 published products x 3 variants (Size x Color, prices in eur), a tag each. */
async function seed(port, token) {
  const admin = adminClient(port, token);
  const { region } = await admin("/admin/regions", { name: "Europe", currency_code: "eur", tax_rate: 20, countries: ["de", "fr", "it"] });
  const collections = [];
  for (let c = 0; c < COLLECTIONS; c++) {
    collections.push((await admin("/admin/collections", { title: `Collection ${c}`, handle: `collection-${c}` })).collection);
  }
  const started = performance.now();
  const ids = new Array(PRODUCTS);
  const variantIds = new Array(PRODUCTS);
  await pool(SEED_CONCURRENCY, Array.from({ length: PRODUCTS }, (_, i) => i), async (i) => {
    const color = COLORS[i % COLORS.length];
    const { product } = await admin("/admin/products", {
      title: `Bench product ${i}`,
      subtitle: `Subtitle ${i}`,
      description: `A product seeded by the kiosk bench, number ${i}.`,
      handle: `bench-product-${i}`,
      status: "published",
      thumbnail: `https://cdn.example.com/products/${i}/thumb.jpg`,
      images: [`https://cdn.example.com/products/${i}/front.jpg`, `https://cdn.example.com/products/${i}/back.jpg`],
      collection_id: collections[i % COLLECTIONS].id,
      tags: [{ value: `tag-${i % TAGS}` }],
      weight: 200 + i,
      material: "cotton",
      metadata: { seeded: true, n: i },
      options: [{ title: "Size" }, { title: "Color" }],
      variants: SIZES.map((size, k) => ({
        title: `${size} / ${color}`,
        sku: `bench-${i}-${size}`,
        inventory_quantity: 10 * (k + 1),
        manage_inventory: true,
        options: [{ value: size }, { value: color }],
        prices: [
          { amount: 1000 + 10 * i + k, currency_code: "eur" },
          { amount: 900 + 10 * i + k, region_id: region.id },
        ],
      })),
    });
    ids[i] = product.id;
    variantIds[i] = SIZES.map((size) => product.variants.find((v) => v.sku === `bench-${i}-${size}`).id);
  });
  return { region, ids, variantIds, products: PRODUCTS, variantsPerProduct: SIZES.length, ms: performance.now() - started };
}

async function run({ logDir }) {
  const missing = await missingPrerequisite();
  if (missing) {
    log(`catalog: skipped: ${missing}`);
    return { skipped: missing };
  }
  let db;
  try {
    db = await createDatabase();
  } catch (err) {
    const why = `cannot create a database on ${ADMIN_URL.replace(/\/\/[^@/]*@/, "//")}: ${err.message}`;
    log(`catalog: skipped: ${why}`);
    return { skipped: why };
  }
  const procs = [];
  let cfDb;
  try {
    log(`catalog: database ${db.name}; kiosk build + migrate on a copy of the store fixture`);
    const dir = copyFixture("store");
    const env = { DATABASE_URL: db.url, JWT_SECRET };
    runKiosk(["build", "--cwd", dir], { cwd: dir });
    runKiosk(["migrate", "--cwd", dir], { cwd: dir, env: { DATABASE_URL: db.url } });
    runKiosk(["user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--cwd", dir], { cwd: dir, env: { DATABASE_URL: db.url } });
    const poolSize = kioskPoolSize(dir, db.url);

    const kioskPort = await freePort();
    let kiosk = startKiosk("start", { dir, port: kioskPort, env, extraArgs: ["--host", HOST] });
    procs.push(kiosk);
    await waitFor200(kiosk, kioskPort, "/health");
    const { access_token: token } = await requestJson(kioskPort, "/admin/auth/token", { method: "POST", body: ADMIN });
    log(`catalog: seeding ${PRODUCTS} products x ${SIZES.length} variants through POST /admin/products`);
    const seeded = await seed(kioskPort, token);
    log(`catalog: seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
    await vacuumAnalyze(db.url);

    // The custom-fields copy: the seeded database copied (nothing may be connected to it, so
    // kiosk restarts), migrated by its project, and every product given its values.
    await stop(kiosk);
    cfDb = await cloneDatabase(db.name, "cf");
    kiosk = startKiosk("start", { dir, port: kioskPort, env, extraArgs: ["--host", HOST] });
    procs.push(kiosk);
    log(`catalog: database ${cfDb.name}; a copy with ${Object.keys(customFields.FIELDS).length} product custom fields: kiosk build, migrate, migrate check`);
    const cfDir = customFields.prepareProject(cfDb.url);
    const cfPort = await freePort();
    const cfKiosk = startKiosk("start", { dir: cfDir, port: cfPort, env: { ...env, DATABASE_URL: cfDb.url }, extraArgs: ["--host", HOST], logFile: path.join(logDir, "kiosk-custom-fields.log") });
    procs.push(cfKiosk);
    await Promise.all([waitFor200(kiosk, kioskPort, "/health"), waitFor200(cfKiosk, cfPort, "/health")]);
    const cfSetAt = performance.now();
    const { access_token: cfToken } = await requestJson(cfPort, "/admin/auth/token", { method: "POST", body: ADMIN });
    await customFields.setValues(adminClient(cfPort, cfToken), seeded.ids, pool);
    const cfSetMs = performance.now() - cfSetAt;
    log(`catalog: custom-field values set on ${PRODUCTS} products in ${(cfSetMs / 1000).toFixed(1)} s`);
    await vacuumAnalyze(cfDb.url);

    // Price lists and a tax rate on the plain database (the unpriced page does not read them).
    const pricedAt = performance.now();
    await pricing.setUp(adminClient(kioskPort, token), seeded.region, seeded.ids, seeded.variantIds);
    log(`catalog: price lists and tax rates in force in ${((performance.now() - pricedAt) / 1000).toFixed(1)} s`);
    await vacuumAnalyze(db.url);
    const pricedPath = `${LIST_PATH}&region_id=${seeded.region.id}`;

    const handPort = await freePort();
    const hand = startNode([handwrittenScript, String(handPort), HOST], {
      cwd: logDir,
      env: cleanEnv({ DATABASE_URL: db.url, PG_POOL_SIZE: String(poolSize), NODE_ENV: "production" }),
      logFile: path.join(logDir, "handwritten.log"),
    });
    procs.push(hand);
    await waitFor200(hand, handPort, "/health");

    // Same JSON from both, for one page and one product, before anything is measured.
    const [kPage, hPage] = await Promise.all([requestJson(kioskPort, LIST_PATH), requestJson(handPort, LIST_PATH)]);
    if (kPage.products.length !== 20 || kPage.count !== PRODUCTS) throw new Error(`kiosk's page has ${kPage.products.length} products of ${kPage.count}, expected 20 of ${PRODUCTS}`);
    const productPath = `/store/products/${kPage.products[7].id}`;
    const [kOne, hOne] = await Promise.all([requestJson(kioskPort, productPath), requestJson(handPort, productPath)]);
    const cfPage = await requestJson(cfPort, LIST_PATH);
    const pricedPage = await requestJson(kioskPort, pricedPath);
    const pricedDiff = pricing.pageDifference(pricedPage);
    if (pricedDiff) throw new Error(`GET ${pricedPath} does not serve the prices in force: ${pricedDiff}`);
    log(`catalog: GET ${LIST_PATH}&region_id=: every variant shows the price list's price and the tax rate in force`);
    const parity = {
      [`GET ${LIST_PATH}`]: firstDifference(kPage, hPage),
      [`GET /store/products/:id`]: firstDifference(kOne, hOne),
    };
    const cfDiff = customFields.pageDifference(cfPage, kPage, new Map(seeded.ids.map((id, i) => [id, i])));
    if (cfDiff) throw new Error(`the custom-fields copy's ${LIST_PATH} is not the plain page plus the values set: first difference at ${cfDiff}`);
    log(`catalog: GET ${LIST_PATH} with custom fields: the plain page plus each product's ${Object.keys(customFields.FIELDS).length} values`);
    for (const [what, diff] of Object.entries(parity)) {
      if (diff) log(`catalog: WARNING: ${what}: kiosk and the hand-written server answer different JSON; first difference at ${diff}`);
      else log(`catalog: ${what}: same JSON from both`);
    }

    const bytes = { page: JSON.stringify(kPage).length, product: JSON.stringify(kOne).length, customFieldsPage: JSON.stringify(cfPage).length, pricedPage: JSON.stringify(pricedPage).length };
    const out = {
      poolSize,
      bytes,
      seed: { products: seeded.products, variantsPerProduct: seeded.variantsPerProduct, ms: seeded.ms },
      parity,
      customFields: { fields: customFields.FIELDS, setMs: cfSetMs, budgetPct: CUSTOM_FIELDS_BUDGET_PCT },
    };
    // Kiosk and the hand-written server alternate, on the same database, ROUNDS times.
    // CPU per request counts each server's node process and its PostgreSQL backends.
    // The custom-fields copy joins the product list's alternation, right after the plain kiosk;
    // its PostgreSQL backends are told apart from the plain one's by their database.
    const monitor = await backendMonitor(db.url);
    const cfMonitor = await backendMonitor(cfDb.url);
    try {
      const kioskPids = async () => [kiosk.child.pid, ...(await monitor.pids(KIOSK_APPLICATION_NAME))];
      const cfPids = async () => [cfKiosk.child.pid, ...(await cfMonitor.pids(KIOSK_APPLICATION_NAME))];
      const handPids = async () => [hand.child.pid, ...(await monitor.pids(HANDWRITTEN_APPLICATION_NAME))];
      const target = (port, p, pids) => ({ url: `http://${HOST}:${port}${p}`, pids });
      const lists = {
        kioskList: target(kioskPort, LIST_PATH, kioskPids),
        pricedList: target(kioskPort, pricedPath, kioskPids),
        cfList: target(cfPort, LIST_PATH, cfPids),
        handList: target(handPort, LIST_PATH, handPids),
      };
      Object.assign(
        out,
        await loadAlternating(lists, { rounds: ROUNDS }),
        await loadAlternating({ kioskById: target(kioskPort, productPath, kioskPids), handById: target(handPort, productPath, handPids) }, { rounds: ROUNDS }),
      );
    } finally {
      await monitor.close();
      await cfMonitor.close();
    }
    out.listPct = (100 * out.kioskList.reqPerSec) / out.handList.reqPerSec;
    out.pricedListPct = (100 * out.pricedList.reqPerSec) / out.kioskList.reqPerSec;
    out.cfListPct = (100 * out.cfList.reqPerSec) / out.kioskList.reqPerSec;
    out.cfCpuPct = (100 * out.cfList.cpuMsPerReq) / out.kioskList.cpuMsPerReq;
    out.byIdPct = (100 * out.kioskById.reqPerSec) / out.handById.reqPerSec;

    if (process.env.KIOSK_BENCH_PROFILE) {
      // A separate kiosk under --cpu-prof (slower while profiled: not the measured one).
      await stop(hand);
      await stop(cfKiosk);
      await stop(kiosk);
      const profDir = path.join(logDir, "cpu-prof");
      const profPort = await freePort();
      const profiled = startKiosk("start", { dir, port: profPort, env, extraArgs: ["--host", HOST], nodeArgs: ["--cpu-prof", "--cpu-prof-dir", profDir], logFile: path.join(logDir, "kiosk-prof.log") });
      procs.push(profiled);
      await waitFor200(profiled, profPort, "/health");
      const windows = [];
      for (const [what, p] of [["GET /store/products?limit=20", LIST_PATH], ["GET /store/products/:id", productPath]]) {
        log(`catalog: profiling kiosk on ${what} (KIOSK_BENCH_PROFILE)`);
        const url = `http://${HOST}:${profPort}${p}`;
        await load(url, { warmup: 0, duration: 2 });
        const fromMs = performance.now() - profiled.t0;
        const r = await load(url, { warmup: 0 });
        windows.push({ what, reqPerSec: r.reqPerSec, fromMs, toMs: performance.now() - profiled.t0 });
      }
      await stop(profiled);
      const file = fs.existsSync(profDir) && fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
      if (file) {
        const keep = path.join(__dirname, "..", "results", "kiosk-catalog.cpuprofile");
        fs.mkdirSync(path.dirname(keep), { recursive: true });
        fs.copyFileSync(path.join(profDir, file), keep);
        const profile = JSON.parse(fs.readFileSync(keep, "utf8"));
        out.profile = {
          file: path.relative(repoRoot, keep),
          windows: windows.map((w) => ({ ...w, summary: summarize(profile, 30, w) })),
        };
      } else {
        log(`catalog: no .cpuprofile written (kiosk did not exit cleanly?)\n${logTail(profiled.logFile)}`);
      }
    }
    return out;
  } finally {
    for (const p of procs.reverse()) await stop(p);
    cfDb?.drop();
    db.drop();
  }
}

module.exports = { run };
