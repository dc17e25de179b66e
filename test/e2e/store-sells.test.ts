import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore } from "../helpers/create-store";
import { DATABASES, postgresDatabaseToCreate } from "../helpers/databases";
import { freePort, waitFor } from "../helpers/processes";
import { serve, type ServerProcess } from "../helpers/server-process";
import { storefront } from "../helpers/storefront";

/**
 * A store made exactly as the README says (`create-store <dir> --yes`, then
 * `npm run dev` in it) takes an order from a storefront with no admin call first:
 * the demo data must bring a region, products, a visible category and shipping
 * options (Standard, and Free once the subtotal reaches 50.00).
 */
describe.each(DATABASES)("a store from create-store --yes sells out of the box on $name", ({ name }) => {
  const db = name === "postgres" ? postgresDatabaseToCreate("store_sells") : undefined;
  let root: string;
  let server: ServerProcess | undefined;
  let shop: ReturnType<typeof storefront>;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), `kiosk-store-sells-${name}-`));
    const created = await createStore(root, ["shop", "--yes", ...(db ? ["--db", "postgres", "--db-url", db.url] : [])]);
    expect(created.status, created.stderr + created.stdout).toBe(0);
    expect(created.stdout).toMatch(/Loaded demo data \(.*4 shipping options/);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = serve("npm", ["run", "dev", "--", "--port", String(port)], { cwd: path.join(root, "shop") });
    await server.firstOk(base, "/store/products", 30_000);
    shop = storefront(base);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it("shows its catalog: products, and categories that are not empty", async () => {
    const { products, count } = await shop.products.list();
    expect(count).toBeGreaterThan(0);
    expect(products.map((p: { handle: string }) => p.handle)).toContain("kiosk-t-shirt");
    const { product_categories } = await shop.productCategories.list();
    expect(product_categories.length).toBeGreaterThan(0);
    expect(product_categories[0]).toMatchObject({ handle: "apparel", is_active: true });
  });

  it("takes an order: cart, address, shipping (Standard; Free over 50.00), payment, completion", async () => {
    const { regions } = await shop.regions.list();
    const europe = regions.find((r: { name: string }) => r.name === "Europe");
    expect(europe).toMatchObject({ currency_code: "eur" });
    const { products } = await shop.products.list("handle=kiosk-t-shirt");
    const small = products[0].variants.find((v: { title: string }) => v.title === "S");

    let { cart } = await shop.carts.create({ region_id: europe.id });
    ({ cart } = await shop.carts.lineItems.create(cart.id, { variant_id: small.id, quantity: 1 }));
    expect(cart.subtotal).toBe(1950);
    ({ cart } = await shop.carts.update(cart.id, {
      email: "ada@shop.test",
      shipping_address: { first_name: "Ada", last_name: "Lovelace", address_1: "1 Analytical Row", city: "Berlin", country_code: "de", postal_code: "10115" },
    }));

    // 19.50: below the free-shipping threshold, so only the flat rate is offered.
    const offered = async () =>
      (await shop.shippingOptions.listCartOptions(cart.id)).shipping_options.map((o: { id: string; name: string; amount: number }) => ({ id: o.id, name: o.name, amount: o.amount }));
    expect(await offered()).toEqual([{ id: expect.any(String), name: "Standard Shipping", amount: 800 }]);

    // Three shirts, 58.50: free shipping joins it.
    ({ cart } = await shop.carts.lineItems.update(cart.id, cart.items[0].id, { quantity: 3 }));
    expect(cart.subtotal).toBe(5850);
    const options = await offered();
    expect(options.map((o: { name: string; amount: number }) => [o.name, o.amount])).toEqual([
      ["Free Shipping", 0],
      ["Standard Shipping", 800],
    ]);

    ({ cart } = await shop.carts.addShippingMethod(cart.id, { option_id: options[0].id }));
    expect(cart).toMatchObject({ shipping_total: 0, subtotal: 5850, tax_total: 1170, total: 7020 });
    ({ cart } = await shop.carts.createPaymentSessions(cart.id));
    expect(cart.payment_session).toMatchObject({ provider_id: "manual" });

    const completed = await shop.carts.complete(cart.id);
    expect(completed.type).toBe("order");
    const { order } = await shop.orders.retrieve(completed.data.id);
    expect(order).toMatchObject({ id: completed.data.id, cart_id: cart.id, email: "ada@shop.test", currency_code: "eur", total: 7020 });
    expect(order.items.map((i: { variant_id: string; quantity: number }) => [i.variant_id, i.quantity])).toEqual([[small.id, 3]]);
    expect(order.shipping_methods).toMatchObject([{ shipping_option_id: options[0].id, price: 0 }]);

    // The starter's subscriber saw it.
    await waitFor(() => server!.output().includes(`order placed: ${order.id}`), 10_000, "the order.placed log line");
    if (db) {
      // …and it was written to the database create-store made, not to a SQLite file.
      const c = new Client({ connectionString: db.url });
      await c.connect();
      const rows = await c.query(`SELECT id FROM "order"`).finally(() => c.end());
      expect(rows.rows).toEqual([{ id: order.id }]);
    } else {
      expect(fs.existsSync(path.join(root, "shop", ".kiosk", "kiosk.sqlite"))).toBe(true);
    }
  });
});
