import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, recordEvents, SHIPPING_ADDRESS } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("carts on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let dk: { id: string };
  let eu: { id: string };
  let product: Awaited<ReturnType<typeof createProduct>>;
  let option: { id: string };

  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) => store.request(path, { method: "POST", body, headers });
  const newCart = async (body: Record<string, unknown> = { region_id: dk.id }) => expectStatus(await post("/store/carts", body), 200).cart;

  beforeAll(async () => {
    store = await startStore(name, "cart");
    events = recordEvents(store);
    dk = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 12.5, countries: ["dk"] });
    eu = await createRegion(store, { name: "Europe", currency_code: "eur", tax_rate: 20, countries: ["de", "fr"] });
    product = await createProduct(store, [
      { inventory_quantity: 3, prices: [{ amount: 333, currency_code: "dkk" }, { amount: 45, currency_code: "eur" }] },
      { inventory_quantity: 0, allow_backorder: true, prices: [{ amount: 1000, currency_code: "dkk" }] },
      { inventory_quantity: 0, manage_inventory: false, prices: [{ amount: 250, currency_code: "dkk" }] },
      { inventory_quantity: 10, prices: [{ amount: 100, currency_code: "eur" }] },
    ]);
    option = await createShippingOption(store, dk.id, 0);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("creates a cart in the first region when none is given, and 404s unknown regions and carts", async () => {
    const cart = await newCart({});
    expect(cart).toMatchObject({ object: "cart", region_id: dk.id, currency_code: "dkk", customer_id: null, email: null, items: [] });
    expect(cart.region).toMatchObject({ id: dk.id, tax_rate: 12.5 });
    expect(expectStatus(await post("/store/carts", { region_id: "reg_nope" }), 404)).toMatchObject({ type: "not_found" });
    expect(expectStatus(await post("/store/carts", { region_id: dk.id, colour: "red" }), 400)).toMatchObject({ code: "invalid_request" });
    expect(expectStatus(await post("/store/carts", { region_id: dk.id, country_code: "se" }), 400)).toMatchObject({
      code: "country_not_in_region",
    });
    const withItems = await newCart({ region_id: dk.id, country_code: "DK", items: [{ variant_id: product.variants[0].id, quantity: 2 }] });
    expect(withItems.items).toMatchObject([{ variant_id: product.variants[0].id, quantity: 2, unit_price: 333 }]);
    expect(withItems.shipping_address).toMatchObject({ country_code: "dk", address_1: null });
    const tooMany = expectStatus(await post("/store/carts", { region_id: dk.id, items: [{ variant_id: product.variants[0].id, quantity: 4 }] }), 422);
    expect(tooMany).toMatchObject({ code: "insufficient_inventory" });
    expect(expectStatus(await store.request("/store/carts/cart_nope"), 404)).toMatchObject({ type: "not_found", code: "cart_not_found" });
    expectStatus(await post("/store/carts/cart_nope/line-items", { variant_id: product.variants[0].id, quantity: 1 }), 404);
    const garbage = await store.request("/store/carts", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
    expect(expectStatus(garbage, 400)).toMatchObject({ code: "invalid_json" });
  });

  it("adds, merges, changes and removes lines, with totals rounded per line", async () => {
    const cart = await newCart();
    const [a, backorder, unmanaged] = product.variants;
    let body = expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: a.id, quantity: 1, metadata: { gift: true } }), 200);
    body = expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: a.id, quantity: 1 }), 200);
    expect(body.cart.items).toHaveLength(1);
    const line = body.cart.items[0];
    expect(line).toMatchObject({ quantity: 2, unit_price: 333, subtotal: 666, tax_total: 83, total: 749, metadata: { gift: true } });
    expect(line.variant).toMatchObject({ id: a.id, product: { id: product.id } });
    // 12.5 % of 333 is 41.625: rounded per line.
    body = expectStatus(await post(`/store/carts/${cart.id}/line-items/${line.id}`, { quantity: 1 }), 200);
    expect(body.cart).toMatchObject({ subtotal: 333, tax_total: 42, total: 375 });

    body = expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: backorder.id, quantity: 50 }), 200);
    body = expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: unmanaged.id, quantity: 7 }), 200);
    expect(body.cart.items).toHaveLength(3);
    expect(body.cart.subtotal).toBe(333 + 50_000 + 1750);
    expect(body.cart.tax_total).toBe(42 + 6250 + 219);

    const backorderLine = body.cart.items.find((i: { variant_id: string }) => i.variant_id === backorder.id);
    body = expectStatus(await post(`/store/carts/${cart.id}/line-items/${backorderLine.id}`, { quantity: 0 }), 200);
    expect(body.cart.items).toHaveLength(2);
    const unmanagedLine = body.cart.items.find((i: { variant_id: string }) => i.variant_id === unmanaged.id);
    body = expectStatus(await store.request(`/store/carts/${cart.id}/line-items/${unmanagedLine.id}`, { method: "DELETE" }), 200);
    expect(body.cart.items.map((i: { variant_id: string }) => i.variant_id)).toEqual([a.id]);
    expect(expectStatus(await store.request(`/store/carts/${cart.id}/line-items/${unmanagedLine.id}`, { method: "DELETE" }), 404)).toMatchObject(
      { code: "line_item_not_found" },
    );
    await events.drain();
    expect(events.messages.filter((m) => m.name === "cart.updated" && m.data.id === cart.id).length).toBeGreaterThanOrEqual(6);
  });

  it("keeps answering while a migration adds a column to a table its reads use", async () => {
    // Concurrent changes on many carts, so each pooled connection has run (and
    // on PostgreSQL could have prepared) the statements of a line add and a view.
    const carts = await Promise.all(Array.from({ length: 12 }, () => newCart()));
    const addToAll = () =>
      Promise.all(carts.map((c) => post(`/store/carts/${c.id}/line-items`, { variant_id: product.variants[2].id, quantity: 1 })));
    for (const r of await addToAll()) expectStatus(r, 200);
    const dataSource = store.server.kernel.container.resolve<any>("dataSource");
    await dataSource.query(`ALTER TABLE "line_item" ADD COLUMN "probe" varchar`);
    try {
      for (const r of await addToAll()) expect(expectStatus(r, 200).cart.items).toMatchObject([{ quantity: 2 }]);
    } finally {
      await dataSource.query(`ALTER TABLE "line_item" DROP COLUMN "probe"`);
    }
  });

  it("refuses bad lines with a 4xx and leaves the cart as it was", async () => {
    const cart = await newCart();
    const [a, , , euOnly] = product.variants;
    expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: a.id, quantity: 2 }), 200);
    const draft = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 100, currency_code: "dkk" }] }], { status: "draft" });

    const cases: [unknown, number, string][] = [
      [{ variant_id: a.id, quantity: 0 }, 400, "invalid_request"],
      [{ variant_id: a.id, quantity: -1 }, 400, "invalid_request"],
      [{ variant_id: a.id, quantity: 1.5 }, 400, "invalid_request"],
      [{ variant_id: a.id, quantity: "1" }, 400, "invalid_request"],
      [{ variant_id: a.id, quantity: 10_001 }, 400, "invalid_request"],
      [{ variant_id: a.id, quantity: 1e30 }, 400, "invalid_request"],
      [{ variant_id: a.id }, 400, "invalid_request"],
      [{ quantity: 1 }, 400, "invalid_request"],
      [{ variant_id: "", quantity: 1 }, 400, "invalid_request"],
      [{ variant_id: a.id, quantity: 1, price: 1 }, 400, "invalid_request"],
      [{ variant_id: "variant_nope", quantity: 1 }, 404, "variant_not_found"],
      [{ variant_id: draft.variants[0].id, quantity: 1 }, 404, "variant_not_found"],
      [{ variant_id: euOnly.id, quantity: 1 }, 422, "variant_price_missing"],
      [{ variant_id: a.id, quantity: 2 }, 422, "insufficient_inventory"],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(`/store/carts/${cart.id}/line-items`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body, JSON.stringify(body)).toMatchObject({ code, message: expect.any(String), type: expect.any(String) });
    }
    const line = expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart.items[0];
    for (const quantity of [-1, 2.5, 10_001, "3"]) {
      expectStatus(await post(`/store/carts/${cart.id}/line-items/${line.id}`, { quantity }), 400);
    }
    expect(expectStatus(await post(`/store/carts/${cart.id}/line-items/${line.id}`, { quantity: 4 }), 422)).toMatchObject({
      code: "insufficient_inventory",
    });
    expectStatus(await post(`/store/carts/${cart.id}/line-items/item_nope`, { quantity: 1 }), 404);

    for (const [body, code] of [
      [{ email: "not-an-email" }, "invalid_request"],
      [{ shipping_address: { ...SHIPPING_ADDRESS, country_code: "se" } }, "country_not_in_region"],
      [{ shipping_address: { ...SHIPPING_ADDRESS, country_code: "denmark" } }, "invalid_request"],
      [{ gift_cards: [{ code: "" }] }, "invalid_request"],
      [{ customer_id: "cus_someone" }, "customer_mismatch"],
    ] as const) {
      const res = await post(`/store/carts/${cart.id}`, body);
      expect([400, 403], JSON.stringify(res.body)).toContain(res.status);
      expect(res.body).toMatchObject({ code });
    }
    expect(expectStatus(await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: "so_nope" }), 404)).toMatchObject({
      code: "shipping_option_not_found",
    });
    const euOption = await createShippingOption(store, eu.id, 100);
    const adminOnly = await createShippingOption(store, dk.id, 100, { admin_only: true });
    for (const id of [euOption.id, adminOnly.id]) {
      expect(expectStatus(await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: id }), 422)).toMatchObject({
        code: "shipping_option_unavailable",
      });
    }
    expect(expectStatus(await post(`/store/carts/${cart.id}/payment-session`, { provider_id: "stripe" }), 404)).toMatchObject({
      code: "payment_provider_not_found",
    });

    const after = expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart;
    expect(after.items).toHaveLength(1);
    expect(after).toMatchObject({ email: null, shipping_address: null, shipping_methods: [], payment_sessions: [], subtotal: 666 });
    expect(after.items[0]).toMatchObject({ quantity: 2, unit_price: 333 });
  });

  it("lists the cart's shipping options and keeps one shipping method", async () => {
    const cart = await newCart();
    expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }), 200);
    const express = await createShippingOption(store, dk.id, 4900, { requirements: [{ type: "min_subtotal", amount: 1000 }] });
    const options = expectStatus(await store.request(`/store/shipping-options/${cart.id}`), 200).shipping_options;
    expect(options.map((o: { id: string }) => o.id)).toContain(option.id);
    expect(options.map((o: { id: string }) => o.id)).not.toContain(express.id);
    expectStatus(await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: express.id }), 422);
    const regionOptions = expectStatus(await store.request(`/store/shipping-options?region_id=${dk.id}`), 200).shipping_options;
    expect(regionOptions.every((o: { admin_only: boolean }) => !o.admin_only)).toBe(true);

    expectStatus(await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }), 200);
    const cheap = await createShippingOption(store, dk.id, 150);
    const body = expectStatus(await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: cheap.id }), 200);
    expect(body.cart.shipping_methods.map((m: { shipping_option_id: string }) => m.shipping_option_id)).toEqual([cheap.id]);
    // 12.5 % of 150 is 18.75 -> 19.
    expect(body.cart).toMatchObject({ shipping_total: 150, shipping_tax_total: 19, total: 333 + 42 + 150 + 19 });
  });

  it("moves a cart to another region: prices again, drops shipping and payment, and refuses what cannot be priced", async () => {
    const cart = await newCart();
    const [a, backorder] = product.variants;
    expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: a.id, quantity: 2 }), 200);
    expectStatus(await post(`/store/carts/${cart.id}`, { shipping_address: SHIPPING_ADDRESS }), 200);
    expectStatus(await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }), 200);
    const withSession = expectStatus(await post(`/store/carts/${cart.id}/payment-sessions`), 200).cart;
    // One installed provider: its session is selected at once, for the cart's total.
    expect(withSession.payment_session).toMatchObject({ provider_id: "manual", is_selected: true, status: "pending", amount: withSession.total });
    const grown = expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: a.id, quantity: 1 }), 200).cart;
    expect(grown.payment_session.amount).toBe(grown.total);
    expect(grown.total).toBeGreaterThan(withSession.total);
    expectStatus(await post(`/store/carts/${cart.id}/line-items/${grown.items[0].id}`, { quantity: 2 }), 200);

    const moved = expectStatus(await post(`/store/carts/${cart.id}`, { region_id: eu.id }), 200).cart;
    expect(moved).toMatchObject({ region_id: eu.id, currency_code: "eur", shipping_methods: [], payment_sessions: [], shipping_address: null });
    expect(moved.items[0]).toMatchObject({ unit_price: 45, quantity: 2 });
    expect(moved).toMatchObject({ subtotal: 90, tax_total: 18, total: 108 });

    expectStatus(await post(`/store/carts/${cart.id}`, { region_id: dk.id }), 200);
    expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: backorder.id, quantity: 1 }), 200);
    const refused = expectStatus(await post(`/store/carts/${cart.id}`, { region_id: eu.id }), 422);
    expect(refused).toMatchObject({ code: "variant_price_missing" });
    expect(expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart.region_id).toBe(dk.id);
  });

  it("gives the signed-in customer's cart their email, and takes addresses from their address book", async () => {
    const email = `shopper-${Date.now()}@kiosk.test`;
    expectStatus(await post("/store/customers", { email, password: "correct-horse", first_name: "S", last_name: "P" }), 200);
    const token = expectStatus(await post("/store/auth/token", { email, password: "correct-horse" }), 200).access_token;
    const headers = { authorization: `Bearer ${token}` };
    const me = expectStatus(
      await store.request("/store/customers/me/addresses", { method: "POST", body: { address: SHIPPING_ADDRESS }, headers }),
      200,
    ).customer;
    const cart = expectStatus(await post("/store/carts", { region_id: dk.id }, headers), 200).cart;
    expect(cart).toMatchObject({ customer_id: me.id, email });
    const updated = expectStatus(await post(`/store/carts/${cart.id}`, { shipping_address: me.shipping_addresses[0].id }, headers), 200).cart;
    expect(updated.shipping_address).toMatchObject({ address_1: SHIPPING_ADDRESS.address_1, country_code: "dk" });
    expectStatus(await post(`/store/carts/${cart.id}`, { shipping_address: "addr_nope" }, headers), 404);

    const guest = await newCart();
    const claimed = expectStatus(await post(`/store/carts/${guest.id}`, { customer_id: me.id }, headers), 200).cart;
    expect(claimed).toMatchObject({ customer_id: me.id, email });
  });

  it("manages shipping options in the admin, refusing bad ones", async () => {
    const body = { name: "Express", region_id: dk.id, provider_id: "manual", price_type: "flat_rate", amount: 990, data: { speed: "fast" } };
    const created = expectStatus(await store.admin("/admin/shipping-options", { body }), 200).shipping_option;
    expect(created).toMatchObject({ ...body, is_return: false, admin_only: false, requirements: [], deleted_at: null });
    expect(created.id).toMatch(/^so_/);
    const bad: [Record<string, unknown>, number, string][] = [
      [{ ...body, provider_id: "dhl" }, 404, "fulfillment_provider_not_found"],
      [{ ...body, region_id: "reg_nope" }, 404, "not_found"],
      [{ ...body, price_type: "calculated" }, 400, "invalid_request"],
      [{ ...body, amount: -1 }, 400, "invalid_request"],
      [{ ...body, amount: 9.99 }, 400, "invalid_request"],
      [{ ...body, name: "" }, 400, "invalid_request"],
      [{ ...body, requirements: [{ type: "min_subtotal", amount: 1 }, { type: "min_subtotal", amount: 2 }] }, 400, "invalid_data"],
    ];
    for (const [payload, status, code] of bad) {
      const res = await store.admin("/admin/shipping-options", { body: payload });
      expect(res.status, JSON.stringify(payload)).toBe(status);
      expect(res.body).toMatchObject({ code });
    }
    const listed = expectStatus(await store.admin(`/admin/shipping-options?region_id=${dk.id}`), 200);
    expect(listed.shipping_options.map((o: { id: string }) => o.id)).toContain(created.id);
    expect(expectStatus(await store.admin(`/admin/shipping-options?region_id=${eu.id}`), 200).shipping_options.map((o: { id: string }) => o.id)).not.toContain(created.id);
    const updated = expectStatus(await store.admin(`/admin/shipping-options/${created.id}`, { body: { amount: 1290, admin_only: true } }), 200).shipping_option;
    expect(updated).toMatchObject({ amount: 1290, admin_only: true, name: "Express" });
    expectStatus(await store.admin(`/admin/shipping-options/${created.id}`, { body: { region_id: eu.id } }), 400);
    expect(expectStatus(await store.admin(`/admin/shipping-options/${created.id}`, { method: "DELETE" }), 200)).toEqual({
      id: created.id,
      object: "shipping-option",
      deleted: true,
    });
    expectStatus(await store.admin(`/admin/shipping-options/${created.id}`), 404);
    expectStatus(await store.request("/admin/shipping-options"), 401);
  });
});
