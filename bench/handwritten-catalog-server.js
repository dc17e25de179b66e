"use strict";
// The baseline of the catalog bench: the Store API's two catalog reads written by hand
// with node:http and pg, answering the same JSON as kiosk's product module.
//   GET /store/products?limit=20&offset=0  -> { products, count, offset, limit }
//   GET /store/products/:id                 -> { product }
//   GET /health                             -> { status: "ok" }
// Products come with variants (prices, option values), options (values), images, tags,
// collection and type. One query for the page, then one query per relation for all of the page's ids
// (`= ANY($1)`), run in parallel on the pool and assembled in JS.
// Usage: DATABASE_URL=postgres://… [PG_POOL_SIZE=10] node bench/handwritten-catalog-server.js <port> [host]
const http = require("node:http");
const { Pool } = require("pg");

const port = Number(process.argv[2] ?? 19310);
const host = process.argv[3] ?? "127.0.0.1";

// The same pool as kiosk's (src/kernel/database/create-data-source.ts).
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_POOL_SIZE ?? 10),
  connectionTimeoutMillis: 5000,
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
  application_name: "handwritten-bench",
});

const TIMESTAMPS = `"id", "created_at", "updated_at"`;
const PRODUCT_COLUMNS = `${TIMESTAMPS}, "title", "subtitle", "description", "handle", "is_giftcard", "status", "thumbnail", "collection_id", "type_id", "discountable", "weight", "length", "height", "width", "hs_code", "origin_country", "mid_code", "material", "metadata"`;
const VARIANT_COLUMNS = `${TIMESTAMPS}, "title", "product_id", "sku", "barcode", "ean", "upc", "inventory_quantity", "allow_backorder", "manage_inventory", "variant_rank", "hs_code", "origin_country", "mid_code", "material", "weight", "length", "height", "width", "metadata"`;
const prefixed = (alias, columns) => columns.split(", ").map((c) => `${alias}.${c}`).join(", ");

const SQL = {
  page:
    `SELECT ${PRODUCT_COLUMNS}, COUNT(*) OVER () AS "total" FROM "product" WHERE "status" = 'published' ` +
    `ORDER BY "created_at" DESC, "id" DESC LIMIT $1 OFFSET $2`,
  count: `SELECT COUNT(*) AS "total" FROM "product" WHERE "status" = 'published'`,
  one: `SELECT ${PRODUCT_COLUMNS} FROM "product" WHERE "id" = $1 AND "status" = 'published'`,
  variants: `SELECT ${VARIANT_COLUMNS} FROM "product_variant" WHERE "product_id" = ANY($1) ORDER BY "variant_rank", "id"`,
  prices:
    `SELECT ${prefixed("ma", `${TIMESTAMPS}, "currency_code", "amount", "min_quantity", "max_quantity", "region_id", "variant_id"`)} ` +
    `FROM "money_amount" ma JOIN "product_variant" v ON v."id" = ma."variant_id" WHERE v."product_id" = ANY($1) ORDER BY ma."id"`,
  options: `SELECT ${TIMESTAMPS}, "title", "product_id", "metadata" FROM "product_option" WHERE "product_id" = ANY($1) ORDER BY "id"`,
  values:
    `SELECT ${prefixed("ov", `${TIMESTAMPS}, "value", "option_id", "variant_id", "metadata"`)} ` +
    `FROM "product_option_value" ov JOIN "product_option" o ON o."id" = ov."option_id" WHERE o."product_id" = ANY($1) ORDER BY ov."id"`,
  images: `SELECT ${TIMESTAMPS}, "url", "product_id", "rank", "metadata" FROM "image" WHERE "product_id" = ANY($1) ORDER BY "rank", "id"`,
  tags:
    `SELECT pt."product_id" AS "_product_id", ${prefixed("t", `${TIMESTAMPS}, "value", "metadata"`)} ` +
    `FROM "product_tags" pt JOIN "product_tag" t ON t."id" = pt."product_tag_id" WHERE pt."product_id" = ANY($1) ORDER BY t."id"`,
  collections:
    `SELECT ${TIMESTAMPS}, "title", "handle", "metadata" FROM "product_collection" ` +
    `WHERE "id" IN (SELECT "collection_id" FROM "product" WHERE "id" = ANY($1))`,
  types:
    `SELECT ${TIMESTAMPS}, "value", "metadata", "deleted_at" FROM "product_type" ` +
    `WHERE "id" IN (SELECT "type_id" FROM "product" WHERE "id" = ANY($1))`,
};

function groupBy(rows, key) {
  const groups = new Map();
  for (const row of rows) {
    const k = row[key];
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Attaches every relation to the products (rows of SQL.page / SQL.one), in place. */
async function withRelations(products) {
  if (!products.length) return products;
  const ids = [products.map((p) => p.id)];
  const [variants, prices, options, values, images, tags, collections, types] = await Promise.all(
    [SQL.variants, SQL.prices, SQL.options, SQL.values, SQL.images, SQL.tags, SQL.collections, SQL.types].map((sql) =>
      pool.query(sql, ids).then((r) => r.rows),
    ),
  );
  // Money is bigint: pg reads it as a string, and the API answers numbers.
  for (const price of prices) price.amount = Number(price.amount);
  const pricesByVariant = groupBy(prices, "variant_id");
  const valuesByVariant = groupBy(values, "variant_id");
  const valuesByOption = groupBy(values, "option_id");
  for (const v of variants) {
    v.prices = pricesByVariant.get(v.id) ?? [];
    v.options = valuesByVariant.get(v.id) ?? [];
    // Served without ?region_id / ?currency_code only: no price context, so (like kiosk)
    // no original_price / calculated_price fields.
  }
  for (const o of options) o.values = valuesByOption.get(o.id) ?? [];
  const variantsByProduct = groupBy(variants, "product_id");
  const optionsByProduct = groupBy(options, "product_id");
  const imagesByProduct = groupBy(images, "product_id");
  const tagsByProduct = new Map();
  for (const { _product_id, ...tag } of tags) {
    const list = tagsByProduct.get(_product_id);
    if (list) list.push(tag);
    else tagsByProduct.set(_product_id, [tag]);
  }
  const collectionById = new Map(collections.map((c) => [c.id, c]));
  const typeById = new Map(types.map((t) => [t.id, t]));
  for (const p of products) {
    p.variants = variantsByProduct.get(p.id) ?? [];
    p.options = optionsByProduct.get(p.id) ?? [];
    p.images = imagesByProduct.get(p.id) ?? [];
    p.tags = tagsByProduct.get(p.id) ?? [];
    p.collection = p.collection_id ? (collectionById.get(p.collection_id) ?? null) : null;
    p.type = p.type_id ? (typeById.get(p.type_id) ?? null) : null;
  }
  return products;
}

function intParam(value, fallback, min, max) {
  if (value === null) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

async function listProducts(query) {
  const limit = intParam(query.get("limit"), 100, 1, 1000);
  const offset = intParam(query.get("offset"), 0, 0, 1_000_000);
  if (limit === undefined || offset === undefined) return [400, { type: "invalid_data", message: "limit and offset must be whole numbers" }];
  const { rows } = await pool.query(SQL.page, [limit, offset]);
  let count = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && offset > 0) count = Number((await pool.query(SQL.count)).rows[0].total);
  for (const row of rows) delete row.total;
  return [200, { products: await withRelations(rows), count, offset, limit }];
}

async function retrieveProduct(id) {
  const { rows } = await pool.query(SQL.one, [id]);
  if (!rows.length) return [404, { type: "not_found", message: `Product with id ${id} was not found` }];
  return [200, { product: (await withRelations(rows))[0] }];
}

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://localhost");
    if (req.method !== "GET") return send(res, 404, { type: "not_found", message: "Not found" });
    if (url.pathname === "/health") return send(res, 200, { status: "ok" });
    if (url.pathname === "/store/products") return send(res, ...(await listProducts(url.searchParams)));
    const m = /^\/store\/products\/([^/]+)$/.exec(url.pathname);
    if (m) return send(res, ...(await retrieveProduct(decodeURIComponent(m[1]))));
    return send(res, 404, { type: "not_found", message: "Not found" });
  } catch (err) {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    if (!res.headersSent) send(res, 500, { type: "unknown_error", message: "An unknown error occurred." });
    else res.destroy();
  }
});
server.listen(port, host);

function shutdown() {
  server.close(() => pool.end().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
