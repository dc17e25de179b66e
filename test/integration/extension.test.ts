import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, SHIPPING_ADDRESS, stockOf } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { kiosk } from "../helpers/kiosk";
import { startStore, type Store } from "../helpers/store";

/**
 * The `extended-store` fixture changes the core without copying it: custom fields
 * (`product.brand`, indexed; `customer.loyalty_points`, default 0) with the migration
 * `kiosk migrate generate` wrote for them, a tax strategy by country
 * (src/strategies/tax-calculation.ts), a price strategy with quantity tiers that also
 * sells in SEK converted from the euro prices (src/strategies/price-selection.ts), a
 * `cart.beforeComplete` veto and an `order.afterCreate` write or throw (src/hooks), a
 * CartService extending the core one (src/services/cart.ts), a typed `order.placed`
 * subscriber giving loyalty points (src/subscribers), order numbers from the config's
 * `strategies`. `test/e2e/extended-store-types.test.ts` type-checks it.
 */
describe.each(DATABASES)("strategies, hooks and overrides on $name", ({ name }) => {
  let store: Store;
  let region: { id: string };
  let option: { id: string };
  let product: { id: string; variants: { id: string }[] };

  const post = (path: string, body?: unknown) => store.request(path, { method: "POST", body });

  beforeAll(async () => {
    store = await startStore(name, "extension", { fixture: "extended-store" });
    region = await createRegion(store, { name: "Europe", currency_code: "eur", tax_rate: 10, countries: ["de", "fr", "dk"] });
    option = await createShippingOption(store, region.id, 500);
    product = await createProduct(
      store,
      [
        {
          inventory_quantity: 100,
          prices: [
            { amount: 1000, currency_code: "eur" },
            { amount: 800, currency_code: "eur", min_quantity: 10 },
          ],
        },
      ],
      { brand: "acme" },
    );
  });

  afterAll(async () => {
    await store?.close();
  });

  /** A cart of `quantity` units shipped to `country`, with a shipping method and the manual session selected. */
  async function cartTo(country: string, quantity: number, email = "ada@kiosk.test") {
    const id = expectStatus(await post("/store/carts", { region_id: region.id }), 200).cart.id as string;
    expectStatus(await post(`/store/carts/${id}/line-items`, { variant_id: product.variants[0].id, quantity }), 200);
    expectStatus(await post(`/store/carts/${id}`, { email, shipping_address: { ...SHIPPING_ADDRESS, country_code: country } }), 200);
    expectStatus(await post(`/store/carts/${id}/shipping-methods`, { option_id: option.id }), 200);
    expectStatus(await post(`/store/carts/${id}/payment-sessions`), 200);
    return expectStatus(await post(`/store/carts/${id}/payment-session`, { provider_id: "manual" }), 200).cart;
  }

  it("taxes each line and shipping method by the project's strategy, in exact integers, and the order keeps them", async () => {
    let cart = await cartTo("de", 2);
    expect(cart.items[0].tax_lines).toEqual([
      { rate: 19, name: "VAT", code: "DE-VAT", item_id: cart.items[0].id },
      { rate: 1.5, name: "Levy", code: "DE-LEVY", item_id: cart.items[0].id },
    ]);
    // 2000 at 19 % and 1.5 % (each tax line rounded on its own); shipping 500 at 19 % (95) and 1.5 % (7.5 -> 8).
    expect(cart).toMatchObject({ subtotal: 2000, shipping_total: 500, item_tax_total: 380 + 30, shipping_tax_total: 95 + 8, tax_total: 513, total: 3013 });
    expect(cart.items[0]).toMatchObject({ tax_total: 410, total: 2410 });
    expect(cart.shipping_methods[0].tax_lines.map((t: { code: string }) => t.code)).toEqual(["DE-VAT", "DE-LEVY"]);

    cart = expectStatus(await post(`/store/carts/${cart.id}`, { shipping_address: { ...SHIPPING_ADDRESS, country_code: "fr" } }), 200).cart;
    expect(cart).toMatchObject({ tax_total: 400 + 100, total: 3000 });
    cart = expectStatus(await post(`/store/carts/${cart.id}`, { shipping_address: { ...SHIPPING_ADDRESS, country_code: "dk" } }), 200).cart;
    expect(cart.items[0].tax_lines).toEqual([{ rate: 10, name: "default", code: "default", item_id: cart.items[0].id }]);
    expect(cart).toMatchObject({ tax_total: 200 + 50, total: 2750 });

    cart = expectStatus(await post(`/store/carts/${cart.id}`, { shipping_address: { ...SHIPPING_ADDRESS, country_code: "de" } }), 200).cart;
    expectStatus(await post(`/store/carts/${cart.id}/payment-sessions`), 200);
    const completed = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200);
    expect(completed.type).toBe("order");
    const order = completed.data;
    // The first order's number, from the orderNumber strategy the config names.
    expect(order).toMatchObject({ tax_total: 513, total: 3013, display_id: 1001 });
    expect(order.items[0].tax_lines.map((t: { rate: number }) => t.rate)).toEqual([19, 1.5]);
    expect(order.shipping_methods[0].tax_lines.map((t: { rate: number }) => t.rate)).toEqual([19, 1.5]);

    // The order.afterCreate hook wrote into the order in its own transaction.
    const read = expectStatus(await store.admin(`/admin/orders/${order.id}`), 200).order;
    expect(read.metadata).toEqual({ note: "order of 1 line(s)", hooked: true });
    expect(read).toMatchObject({ tax_total: 513, total: 3013 });
  });

  it("prices a line at its quantity tier, and again whenever its quantity changes", async () => {
    const id = expectStatus(await post("/store/carts", { region_id: region.id }), 200).cart.id;
    const variant_id = product.variants[0].id;
    let cart = expectStatus(await post(`/store/carts/${id}/line-items`, { variant_id, quantity: 1 }), 200).cart;
    expect(cart.items[0]).toMatchObject({ quantity: 1, unit_price: 1000, subtotal: 1000 });
    const lineId = cart.items[0].id;
    cart = expectStatus(await post(`/store/carts/${id}/line-items/${lineId}`, { quantity: 10 }), 200).cart;
    expect(cart.items[0]).toMatchObject({ quantity: 10, unit_price: 800, subtotal: 8000 });
    cart = expectStatus(await post(`/store/carts/${id}/line-items/${lineId}`, { quantity: 3 }), 200).cart;
    expect(cart.items[0]).toMatchObject({ quantity: 3, unit_price: 1000 });
    cart = expectStatus(await post(`/store/carts/${id}/line-items`, { variant_id, quantity: 7 }), 200).cart;
    expect(cart.items[0]).toMatchObject({ quantity: 10, unit_price: 800, subtotal: 8000 });
    // The storefront's catalog shows the one-unit price (the strategy's, asked for one unit).
    const shown = expectStatus(await store.request(`/store/products/${product.id}?region_id=${region.id}`), 200).product;
    expect(shown.variants[0].calculated_price).toBe(1000);
  });

  it("lets cart.beforeComplete refuse a completion with its own 4xx, before any stock is taken", async () => {
    const before = await stockOf(store, product.id, product.variants[0].id);
    const cart = await cartTo("fr", 2, "mallory@blocked.test");
    const res = await post(`/store/carts/${cart.id}/complete`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: "unprocessable", code: "customer_blocked" });
    expect(await stockOf(store, product.id, product.variants[0].id)).toBe(before);
    const after = expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart;
    expect(after.completed_at).toBeNull();
  });

  it("undoes the whole completion when order.afterCreate throws: no order, stock given back, the cart open", async () => {
    const before = await stockOf(store, product.id, product.variants[0].id);
    const cart = await cartTo("fr", 3, "eve@fail-after.test");
    const res = await post(`/store/carts/${cart.id}/complete`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "order_refused" });
    expect(await stockOf(store, product.id, product.variants[0].id)).toBe(before);
    const orders = expectStatus(await store.admin(`/admin/orders?cart_id=${cart.id}`), 200);
    expect(orders.count).toBe(0);
    expect(expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart.completed_at).toBeNull();

    // Nothing was left behind: with another email the same cart completes.
    expectStatus(await post(`/store/carts/${cart.id}`, { email: "eve@kiosk.test" }), 200);
    expectStatus(await post(`/store/carts/${cart.id}/payment-sessions`), 200);
    const done = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200);
    expect(done.type).toBe("order");
    expect(done.data.display_id).toBe(1002);
    expect(await stockOf(store, product.id, product.variants[0].id)).toBe(before - 3);
  });

  it("runs the project's CartService, which extends the core one", async () => {
    const cart = expectStatus(await post("/store/carts", { region_id: region.id }), 200).cart;
    expect(cart.metadata).toEqual({ channel: "extended-store" });
    const given = expectStatus(await post("/store/carts", { region_id: region.id, metadata: { channel: "app" } }), 200).cart;
    expect(given.metadata).toEqual({ channel: "app" });
    const service = store.server.kernel.container.resolve("cartService");
    expect(service).toBeInstanceOf(kiosk.CartService);
    expect(service.constructor).not.toBe(kiosk.CartService);
  });

  it("says at boot, once, which core service the project overrides", async () => {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const { config } = store.server.kernel.project;
    const kernel = await kiosk.Kernel.start({
      projectDir: store.dir,
      databaseUrl: config.database.dialect === "postgres" ? config.database.url : undefined,
      env: "test",
      typescript: true,
      listen: false,
      logger: pino({ level: "info" }, sink),
    });
    await kernel.shutdown();
    const overrides = lines.filter((l) => l.msg.includes("overrides the core service"));
    expect(overrides.map((l) => [l.level, l.msg])).toEqual([[30, "cartService: src/services/cart.ts overrides the core service"]]);
  });

  it("admin writes a product's brand, migrated by the project; the store list carries it and filters by it", async () => {
    const other = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 300, currency_code: "eur" }] }], { brand: "zenith" });
    const renamed = expectStatus(await store.admin(`/admin/products/${other.id}`, { body: { brand: "Zenith Works" } }), 200).product;
    expect(renamed.brand).toBe("Zenith Works");

    const acme = expectStatus(await store.request(`/store/products?brand=acme&region_id=${region.id}`), 200);
    expect(acme.products.map((p: { id: string }) => p.id)).toEqual([product.id]);
    expect(acme.products[0]).toMatchObject({ brand: "acme" });
    expect(acme.products[0].variants[0].calculated_price).toBe(1000);
    const zenith = expectStatus(await store.request(`/store/products?brand=${encodeURIComponent("Zenith Works")}`), 200);
    expect(zenith.products.map((p: { id: string; brand: string }) => [p.id, p.brand])).toEqual([[other.id, "Zenith Works"]]);
    expect(expectStatus(await store.request("/store/products?brand=nobody"), 200).count).toBe(0);

    const bad = await store.admin(`/admin/products/${other.id}`, { body: { brand: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("brand");
  });

  it("shows in the catalog the price the project's strategy charges in the cart, where the default has none", async () => {
    const sweden = await createRegion(store, { name: "Sweden", currency_code: "sek", tax_rate: 25, countries: ["se"] });
    // The variant has euro prices only: the default strategy has no SEK price; this one converts (11.5 per euro).
    const listed = expectStatus(await store.request(`/store/products?brand=acme&region_id=${sweden.id}`), 200).products[0];
    expect(listed.variants[0]).toMatchObject({ calculated_price: 11500, original_price: 11500, calculated_price_type: "default" });
    const shown = expectStatus(await store.request(`/store/products/${product.id}?region_id=${sweden.id}`), 200).product;
    expect(shown.variants[0].calculated_price).toBe(11500);
    const byCurrency = expectStatus(await store.request(`/store/products/${product.id}?currency_code=sek`), 200).product;
    expect(byCurrency.variants[0].calculated_price).toBe(11500);
    // A currency the strategy does not convert has no price.
    const none = expectStatus(await store.request(`/store/products/${product.id}?currency_code=nok`), 200).product;
    expect(none.variants[0]).toMatchObject({ calculated_price: null, original_price: null, calculated_price_type: null });

    const id = expectStatus(await post("/store/carts", { region_id: sweden.id }), 200).cart.id;
    let cart = expectStatus(await post(`/store/carts/${id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }), 200).cart;
    expect(cart.items[0]).toMatchObject({ unit_price: listed.variants[0].calculated_price, subtotal: 11500 });
    // The euro tier of 10, converted.
    cart = expectStatus(await post(`/store/carts/${id}/line-items/${cart.items[0].id}`, { quantity: 10 }), 200).cart;
    expect(cart.items[0]).toMatchObject({ unit_price: 9200, subtotal: 92000 });
  });

  it("gives a customer's order its loyalty points through the project's typed subscriber, visible to the admin", async () => {
    const email = `loyal-${Date.now()}@kiosk.test`;
    const customer = expectStatus(await post("/store/customers", { email, password: "correct-horse", first_name: "L", last_name: "Oyal" }), 200).customer;
    expect(customer.loyalty_points).toBe(0);
    const token = expectStatus(await post("/store/auth/token", { email, password: "correct-horse" }), 200).access_token;
    const headers = { authorization: `Bearer ${token}` };
    // The store may not set it; the admin may.
    const greedy = await store.request("/store/customers/me", { body: { loyalty_points: 99 }, headers });
    expect(greedy.status).toBe(400);
    expect(greedy.body.message).toContain("loyalty_points");
    expect(expectStatus(await store.admin(`/admin/customers/${customer.id}`, { body: { loyalty_points: 5 } }), 200).customer.loyalty_points).toBe(5);

    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: product.variants[0].id, quantity: 2 }], headers });
    const order = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST", headers }), 200).data;
    expect(order.customer_id).toBe(customer.id);
    const earned = Math.floor(order.total / 100);
    expect(earned).toBeGreaterThan(0);

    // The subscriber runs after the order commits: poll, with a bound.
    let points = 5;
    for (let i = 0; i < 300 && points !== 5 + earned; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      points = expectStatus(await store.admin(`/admin/customers/${customer.id}`), 200).customer.loyalty_points;
    }
    expect(points).toBe(5 + earned);
  });
});
