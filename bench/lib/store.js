"use strict";
// The store fixture (the core commerce modules alone) on a throw-away PostgreSQL database,
// built and served by `kiosk start`, with an admin, for the checkout and cluster scenarios.
const fs = require("node:fs");
const path = require("node:path");
const { copyFixture } = require("./fixture");
const { startKiosk, runKiosk, waitFor200 } = require("./server-process");
const { checkReachable, createDatabase, displayUrl } = require("./postgres");
const { HOST, repoRoot, requestJson, freePort, pool } = require("./util");

const ADMIN = { email: "bench@kiosk.test", password: "bench-password" };
const JWT_SECRET = "bench-secret";

/** Why PostgreSQL or the built module `module` is not there, or undefined. */
async function missingPostgres(module = "product") {
  const marker = path.join(repoRoot, "dist", "src", "modules", module);
  if (!fs.existsSync(marker)) return `the ${module} module is not built (no dist/src/modules/${module})`;
  try {
    await checkReachable();
  } catch (err) {
    return `PostgreSQL not reachable at ${displayUrl()}: ${err.message}`;
  }
  return undefined;
}

/** A fresh database `kiosk_bench_<pid>_<suffix>`; `{ skipped }` when it cannot be created. */
async function freshDatabase(suffix) {
  try {
    return await createDatabase(undefined, { suffix });
  } catch (err) {
    return { skipped: `cannot create a database on ${displayUrl()}: ${err.message}` };
  }
}

/**
 * A copy of the store fixture (or another, such as `card-store`), built (`kiosk build`) and
 * migrated, with the bench's admin user unless the database has it already (`admin: false`).
 */
function prepareStoreProject(databaseUrl, { fixture = "store", admin = true } = {}) {
  const dir = copyFixture(fixture);
  runKiosk(["build", "--cwd", dir], { cwd: dir });
  runKiosk(["migrate", "--cwd", dir], { cwd: dir, env: { DATABASE_URL: databaseUrl } });
  if (admin) runKiosk(["user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--cwd", dir], { cwd: dir, env: { DATABASE_URL: databaseUrl } });
  return dir;
}

/** `kiosk start` on the project (production); resolves `{ proc, port }` once /health answers. */
async function startStore(dir, databaseUrl, { extraArgs = [], nodeArgs = [], logFile, env = {} } = {}) {
  const port = await freePort();
  const proc = startKiosk("start", { dir, port, env: { DATABASE_URL: databaseUrl, JWT_SECRET, ...env }, extraArgs: ["--host", HOST, ...extraArgs], nodeArgs, logFile });
  await waitFor200(proc, port, "/health");
  return { proc, port };
}

/** The Admin API with a fresh token: `admin(path, body?)` (POST with a body, else GET). */
async function adminClient(port) {
  const { access_token: token } = await requestJson(port, "/admin/auth/token", { method: "POST", body: ADMIN });
  return (p, body) => requestJson(port, p, { method: body ? "POST" : "GET", body, headers: { authorization: `Bearer ${token}` } });
}

/**
 * `products` published products of `sizes.length` variants each (the catalog scenario's
 * shape: options Size x Color, images, a collection, a tag, a price in eur and one for
 * the region), created through POST /admin/products, 8 at a time. Returns the products.
 */
async function seedCatalog(admin, { region, products, sizes = ["S", "M", "L"], stock = (_i, k) => 10 * (k + 1), collections = 4, prefix = "bench" }) {
  const colls = [];
  for (let c = 0; c < collections; c++) colls.push((await admin("/admin/collections", { title: `Collection ${c}`, handle: `${prefix}-collection-${c}` })).collection);
  const colors = ["black", "white", "red", "blue"];
  const out = new Array(products);
  await pool(8, Array.from({ length: products }, (_, i) => i), async (i) => {
    const color = colors[i % colors.length];
    out[i] = (
      await admin("/admin/products", {
        title: `Bench product ${i}`,
        subtitle: `Subtitle ${i}`,
        description: `A product seeded by the kiosk bench, number ${i}.`,
        handle: `${prefix}-product-${i}`,
        status: "published",
        thumbnail: `https://cdn.example.com/products/${i}/thumb.jpg`,
        images: [`https://cdn.example.com/products/${i}/front.jpg`, `https://cdn.example.com/products/${i}/back.jpg`],
        collection_id: colls[i % collections].id,
        tags: [{ value: `tag-${i % 10}` }],
        weight: 200 + i,
        material: "cotton",
        metadata: { seeded: true, n: i },
        options: [{ title: "Size" }, { title: "Color" }],
        variants: sizes.map((size, k) => ({
          title: `${size} / ${color}`,
          sku: `${prefix}-${i}-${size}`,
          inventory_quantity: stock(i, k),
          manage_inventory: true,
          options: [{ value: size }, { value: color }],
          prices: [
            { amount: 1000 + 10 * i + k, currency_code: "eur" },
            { amount: 900 + 10 * i + k, region_id: region.id },
          ],
        })),
      })
    ).product;
  });
  return out;
}

module.exports = { ADMIN, JWT_SECRET, missingPostgres, freshDatabase, prepareStoreProject, startStore, adminClient, seedCatalog };
