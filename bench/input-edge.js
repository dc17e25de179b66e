"use strict";
// The kernel's input edge on its own, in-process (no server, no database): what the walk
// of a body or a query costs per request. `node bench/input-edge.js` after a build.
const path = require("node:path");

const dist = path.join(__dirname, "..", "dist", "src", "kernel", "http");
const { walkInput } = require(path.join(dist, "walk-input.js"));
const { checkParsed } = require(path.join(dist, "check-parsed.js"));
const { inputEdge } = require(path.join(dist, "input-edge.js"));

const address = {
  first_name: "Ada", last_name: "Lovelace", address_1: "1 Analytical Row", city: "Copenhagen",
  country_code: "dk", postal_code: "2100", phone: "+45 12 34 56 78", metadata: { floor: "2", door: "left" },
};
const CASES = {
  "cart update (email, 2 addresses, metadata)": { email: "ada@example.com", shipping_address: address, billing_address: address, metadata: { source: "web", campaign: "spring-2025" } },
  "line item": { variant_id: "variant_01JABCDEFGHJKMNPQRSTVWXYZ0", quantity: 2, metadata: { gift: true } },
  "product create (3 variants x 2 prices)": {
    title: "Organic cotton T-shirt", handle: "organic-cotton-t-shirt", status: "published",
    description: "Soft, breathable and made to last. ".repeat(10), options: [{ title: "Size" }],
    tags: [{ value: "cotton" }, { value: "summer" }], metadata: { supplier: "Nordic Textiles", season: 2025 },
    variants: ["S", "M", "L"].map((size) => ({
      title: size, sku: `TSHIRT-${size}`, inventory_quantity: 100, options: [{ value: size }],
      prices: [{ amount: 19900, currency_code: "dkk" }, { amount: 2500, currency_code: "eur" }],
    })),
  },
};

function timeIt(fn, minMs = 300) {
  for (let i = 0; i < 20_000; i++) fn();
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < BigInt(minMs) * 1_000_000n) {
    for (let i = 0; i < 10_000; i++) fn();
    n += 10_000;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / n;
}

const rows = [];
for (const [name, body] of Object.entries(CASES)) {
  const bytes = JSON.stringify(body).length;
  const walk = timeIt(() => walkInput(body, "body", { metadata: true }));
  const parsed = timeIt(() => checkParsed(body, "body"));
  const parse = timeIt(() => JSON.parse(JSON.stringify(body)));
  rows.push({ case: name, bytes, "walkInput ns": walk.toFixed(0), "checkParsed ns": parsed.toFixed(0), "JSON stringify+parse ns (scale)": parse.toFixed(0) });
}

const edge = inputEdge();
const noop = () => {};
const get = { url: "/store/products/prod_01JABCDEFGHJKMNPQRSTVWXYZ0", body: undefined };
const query = { url: "/store/products?limit=20&offset=40&q=shirt", body: undefined, query: { limit: "20", offset: "40", q: "shirt" } };
rows.push({ case: "edge: GET, no query string", "walkInput ns": timeIt(() => edge(get, undefined, noop)).toFixed(0) });
rows.push({
  case: "edge: GET with a 3-field query (walk only)",
  "walkInput ns": timeIt(() => walkInput(query.query, "query", { metadata: false })).toFixed(0),
});
console.table(rows);
