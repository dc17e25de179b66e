"use strict";
// The admin dashboard: its bundle size (gzip) as built in dist/dashboard, and the time to its
// first meaningful screen, the orders list with its rows, in headless Chromium (the system's
// /usr/bin/chromium, through playwright-core) against `kiosk start` on the store fixture
// (SQLite) with a few orders. Each run is a fresh browser profile (cold cache), signed in.
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { prepareStoreProject, startStore, adminClient, ADMIN } = require("../lib/store");
const { post, readyCart } = require("../lib/checkout-flow");
const { stop } = require("../lib/server-process");
const { tempDir } = require("../lib/cleanup");
const { HOST, repoRoot, median, log } = require("../lib/util");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const RUNS = 5;
const ORDERS = 5;
const BUDGET_MS = 1500;
const FIRST_SCREEN_BUDGET_KB = 120;

const gzipKB = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

/** Gzip sizes: the files index.html loads (the first screen) and every asset. */
function bundleSize() {
  const dir = path.join(repoRoot, "dist", "dashboard");
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  const first = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const all = fs.readdirSync(path.join(dir, "assets")).map((f) => `assets/${f}`);
  const sum = (files) => files.reduce((n, f) => n + gzipKB(path.join(dir, f)), 0);
  const largest = all.map((f) => ({ file: f, kb: gzipKB(path.join(dir, f)) })).sort((a, b) => b.kb - a.kb)[0];
  return { firstScreenKB: sum(first) + gzipKB(path.join(dir, "index.html")), totalKB: sum(all), files: all.length, largest };
}

async function run() {
  if (!fs.existsSync(path.join(repoRoot, "dist", "dashboard", "index.html"))) return { skipped: "the dashboard is not built (npm run build)" };
  const size = bundleSize();
  log(`dashboard: first screen ${size.firstScreenKB.toFixed(1)} KB gzip, all ${size.files} assets ${size.totalKB.toFixed(1)} KB gzip`);
  if (!fs.existsSync(CHROMIUM)) return { ...size, skipped: `no Chromium at ${CHROMIUM} (apt-get install chromium)` };
  const { chromium } = require("playwright-core");

  const dir = prepareStoreProject(undefined);
  const env = { STORE_CORS: "http://shop.test", ADMIN_CORS: "http://admin.test" };
  const server = await startStore(dir, undefined, { env });
  try {
    const base = `http://${HOST}:${server.port}`;
    const admin = await adminClient(server.port);
    const { region } = await admin("/admin/regions", { name: "Bench", currency_code: "eur", tax_rate: 0, countries: ["de"] });
    const { shipping_option: option } = await admin("/admin/shipping-options", { name: "Standard", region_id: region.id, provider_id: "manual", price_type: "flat_rate", amount: 500 });
    const { product } = await admin("/admin/products", {
      title: "Bench shirt",
      status: "published",
      options: [{ title: "Size" }],
      variants: [{ title: "M", inventory_quantity: 1000, options: [{ value: "M" }], prices: [{ currency_code: "eur", amount: 2000 }] }],
    });
    for (let n = 0; n < ORDERS; n++) {
      const cartId = await readyCart(server.port, { regionId: region.id, optionId: option.id, variantId: product.variants[0].id, n });
      await post(server.port, `/store/carts/${cartId}/complete`);
    }

    const runsMs = [];
    for (let i = 0; i < RUNS; i++) {
      const profile = tempDir("kiosk-bench-chromium-");
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
      try {
        const signedIn = await context.request.post(`${base}/admin/auth`, { data: ADMIN });
        if (!signedIn.ok()) throw new Error(`POST /admin/auth answered ${signedIn.status()}`);
        const page = context.pages()[0] ?? (await context.newPage());
        const t0 = performance.now();
        await page.goto(`${base}/app/orders`);
        await page.locator("tbody tr[data-id]").first().waitFor({ timeout: 15_000 });
        runsMs.push(performance.now() - t0);
      } finally {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      }
    }
    const firstScreenMs = median(runsMs);
    log(`dashboard: orders list rendered in ${firstScreenMs.toFixed(0)} ms (median of ${RUNS} cold loads)`);
    return {
      ...size,
      firstScreenMs,
      runsMs,
      orders: ORDERS,
      budgetMs: BUDGET_MS,
      firstScreenBudgetKB: FIRST_SCREEN_BUDGET_KB,
      ok: firstScreenMs < BUDGET_MS && size.firstScreenKB < FIRST_SCREEN_BUDGET_KB,
    };
  } finally {
    await stop(server.proc);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
