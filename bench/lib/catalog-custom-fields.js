"use strict";
// The catalog's custom-fields copy: the store fixture with bench/fixtures/catalog-custom-fields
// over it (a config declaring five product custom fields, and the migration `kiosk migrate
// generate custom-fields` wrote for it), on a copy of the seeded catalog database. Its schema is
// made the way a project adding fields to a running store makes it: `kiosk migrate` applies the
// committed migration, and `kiosk migrate check` fails the part if the config and the migration
// no longer agree. The values are then set on every product through POST /admin/products/:id.
const { copyFixture } = require("./fixture");
const { runKiosk } = require("./server-process");
const { firstDifference } = require("./util");

const OVERLAY = "catalog-custom-fields";
/** The fields of bench/fixtures/catalog-custom-fields/kiosk.config.ts, with their type. */
const FIELDS = { brand: "string, indexed", pack_size: "int", featured: "boolean", specs: "json", weight_class: "enum" };
const WEIGHT_CLASSES = ["light", "medium", "heavy"];

/** The custom-field values of the i-th seeded product. */
function valuesFor(i) {
  return {
    brand: `brand-${i % 8}`,
    pack_size: 1 + (i % 12),
    featured: i % 3 === 0,
    specs: { fabric: "cotton", gsm: 150 + i, care: ["wash 30", "no tumble dry"] },
    weight_class: WEIGHT_CLASSES[i % WEIGHT_CLASSES.length],
  };
}

/** The project (built) on `databaseUrl`, a copy of the seeded catalog, migrated and checked. */
function prepareProject(databaseUrl) {
  const dir = copyFixture("store", { overlay: OVERLAY });
  runKiosk(["build", "--cwd", dir], { cwd: dir });
  const env = { DATABASE_URL: databaseUrl };
  const migrated = runKiosk(["migrate", "--cwd", dir], { cwd: dir, env });
  if (!/1 migration applied/.test(migrated)) throw new Error(`kiosk migrate of the custom-fields copy applied something else than its one migration:\n${migrated}`);
  runKiosk(["migrate", "check", "--cwd", dir], { cwd: dir, env });
  return dir;
}

/** Sets every product's values (`ids[i]` is the i-th seeded product) through the Admin API, 8 at a time. */
async function setValues(admin, ids, pool) {
  await pool(8, ids.map((id, i) => [id, i]), async ([id, i]) => {
    const { product } = await admin(`/admin/products/${id}`, valuesFor(i));
    const diff = firstDifference(valuesFor(i), pickFields(product));
    if (diff) throw new Error(`POST /admin/products/${id} did not keep the custom fields: ${diff}`);
  });
}

const pickFields = (product) => Object.fromEntries(Object.keys(FIELDS).map((k) => [k, product[k]]));

/**
 * undefined when the custom-fields page is the plain page plus each product's values
 * (updated_at aside: setting them updated the rows), else the first difference.
 */
function pageDifference(cfPage, plainPage, indexOfId) {
  for (const [n, p] of cfPage.products.entries()) {
    const diff = firstDifference(valuesFor(indexOfId.get(p.id)), pickFields(p), `$.products[${n}]`);
    if (diff) return diff;
  }
  const strip = (page) => ({
    ...page,
    products: page.products.map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !(k in FIELDS) && k !== "updated_at"))),
  });
  return firstDifference(strip(plainPage), strip(cfPage));
}

module.exports = { OVERLAY, FIELDS, valuesFor, prepareProject, setValues, pageDifference };
