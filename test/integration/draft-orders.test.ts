import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, recordEvents, SHIPPING_ADDRESS, stockOf } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("draft orders on $name", ({ name }) => {
  let store: Store;
  let region: { id: string };
  let otherRegion: { id: string };
  let optionId: string;
  let adminOnlyOptionId: string;

  beforeAll(async () => {
    store = await startStore(name, "draft_orders");
    region = await createRegion(store, { name: "Drafts", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    otherRegion = await createRegion(store, { name: "Elsewhere", currency_code: "dkk", tax_rate: 25, countries: ["se"] });
    optionId = (await createShippingOption(store, region.id, 499)).id;
    adminOnlyOptionId = (await createShippingOption(store, region.id, 900, { admin_only: true })).id;
  });

  afterAll(async () => {
    await store?.close();
  });

  /** A product with one variant: `stock` units at 1000 (DKK minor units). */
  async function variant(stock: number) {
    const product = await createProduct(store, [{ inventory_quantity: stock, prices: [{ amount: 1000, currency_code: "dkk" }] }]);
    return { productId: product.id, variantId: product.variants[0].id };
  }

  /** A draft with `quantity` units of the variant at 800 and a custom "Engraving" at 250, shipped free by the admin-only option. */
  async function draft(variantId: string, quantity = 2, extra: Record<string, unknown> = {}) {
    const body = {
      email: "Phone.Customer@Kiosk.test",
      region_id: region.id,
      items: [
        { variant_id: variantId, quantity, unit_price: 800 },
        { title: "Engraving", unit_price: 250, quantity: 1 },
      ],
      shipping_methods: [{ option_id: adminOnlyOptionId, price: 0 }],
      shipping_address: SHIPPING_ADDRESS,
      ...extra,
    };
    return expectStatus(await store.admin("/admin/draft-orders", { body }), 200).draft_order;
  }

  const subtotalOf = (cart: { items: { unit_price: number; quantity: number }[] }) =>
    cart.items.reduce((sum, i) => sum + i.unit_price * i.quantity, 0);

  it("creates a draft with a variant at a custom price and a custom item, with its cart's totals", async () => {
    const events = recordEvents(store);
    const { variantId } = await variant(5);
    const created = await draft(variantId, 2, { metadata: { source: "phone" }, no_notification_order: true });
    expect(created).toMatchObject({
      status: "open",
      order_id: null,
      completed_at: null,
      no_notification_order: true,
      metadata: { source: "phone" },
      cart: { type: "draft_order", email: "phone.customer@kiosk.test", completed_at: null },
    });
    expect(created.id).toMatch(/^dorder_/);
    expect(created.display_id).toBeGreaterThan(0);
    const [line, custom] = created.cart.items;
    expect(line).toMatchObject({ variant_id: variantId, unit_price: 800, quantity: 2, allow_discounts: true });
    expect(custom).toMatchObject({ variant_id: null, title: "Engraving", unit_price: 250, quantity: 1, allow_discounts: false, variant: null });
    // 1600 + 250; 25 % tax rounded per line: 400 + 63 (62.5); the admin set shipping to 0.
    expect(created.cart).toMatchObject({ subtotal: 1850, shipping_total: 0, tax_total: 463, total: 2313 });
    expect(created.cart.shipping_methods).toMatchObject([{ shipping_option_id: adminOnlyOptionId, price: 0 }]);

    const next = await draft(variantId, 1);
    expect(next.display_id).toBe(created.display_id + 1);
    await events.drain();
    expect(events.names.filter((n) => n === "draft-order.created")).toHaveLength(2);

    const read = expectStatus(await store.admin(`/admin/draft-orders/${created.id}`), 200).draft_order;
    expect(read).toMatchObject({ id: created.id, cart: { id: created.cart_id, total: 2313 } });

    // Bad input changes nothing: an unknown variant, a price that is not an amount, an unknown region.
    const bad = [
      [{ email: "x@kiosk.test", region_id: region.id, items: [{ variant_id: "variant_nope", quantity: 1 }], shipping_methods: [] }, 404],
      [{ email: "x@kiosk.test", region_id: region.id, items: [{ title: "X", unit_price: -1, quantity: 1 }], shipping_methods: [] }, 400],
      [{ email: "x@kiosk.test", region_id: "reg_nope", shipping_methods: [] }, 404],
      [{ email: "x@kiosk.test", region_id: region.id, shipping_methods: [{ option_id: "so_nope" }] }, 404],
      [{ email: "x@kiosk.test", region_id: region.id, items: [{ unit_price: Number.MAX_SAFE_INTEGER, quantity: 2 }], shipping_methods: [] }, 422],
    ] as const;
    const before = expectStatus(await store.admin("/admin/draft-orders"), 200).count;
    for (const [body, status] of bad) {
      const res = await store.admin("/admin/draft-orders", { body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
    }
    expect(expectStatus(await store.admin("/admin/draft-orders"), 200).count).toBe(before);
  });

  it("keeps a draft's cart out of the Store API", async () => {
    const { variantId } = await variant(5);
    const created = await draft(variantId);
    const cartId = created.cart_id;
    const refused = [
      store.request(`/store/carts/${cartId}`),
      store.request(`/store/carts/${cartId}`, { body: { email: "thief@kiosk.test" } }),
      store.request(`/store/carts/${cartId}/line-items`, { body: { variant_id: variantId, quantity: 1 } }),
      store.request(`/store/carts/${cartId}/line-items/${created.cart.items[0].id}`, { body: { quantity: 5 } }),
      store.request(`/store/carts/${cartId}/shipping-methods`, { body: { option_id: optionId } }),
      store.request(`/store/carts/${cartId}/payment-sessions`, { method: "POST" }),
      store.request(`/store/carts/${cartId}/complete`, { method: "POST" }),
      store.request(`/store/shipping-options/${cartId}`),
    ];
    for (const res of await Promise.all(refused)) {
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body.code).toBe("cart_not_found");
    }
    const read = expectStatus(await store.admin(`/admin/draft-orders/${created.id}`), 200).draft_order;
    expect(read.cart).toMatchObject({ email: "phone.customer@kiosk.test", total: created.cart.total, payment_sessions: [] });
    expect(read.cart.items).toHaveLength(2);
  });

  it("updates the draft and adds, changes and removes lines, with totals that follow", async () => {
    const events = recordEvents(store);
    const { variantId } = await variant(5);
    const created = await draft(variantId);
    const path = `/admin/draft-orders/${created.id}`;

    const updated = expectStatus(await store.admin(path, { body: { email: "new@kiosk.test", no_notification_order: false } }), 200).draft_order;
    expect(updated).toMatchObject({ no_notification_order: false, cart: { email: "new@kiosk.test" } });
    const moved = await store.admin(path, { body: { region_id: otherRegion.id } });
    expect(moved).toMatchObject({ status: 422, body: { code: "draft_order_region_change" } });
    expectStatus(await store.admin(path, { body: { region_id: region.id } }), 200);

    // A variant without a price of its own is at the region's price, on a line of its own.
    let cart = expectStatus(await store.admin(`${path}/line-items`, { body: { variant_id: variantId, quantity: 1 } }), 200).draft_order.cart;
    expect(cart.items).toHaveLength(3);
    expect(cart.items[2]).toMatchObject({ variant_id: variantId, unit_price: 1000, quantity: 1 });
    expect(cart.subtotal).toBe(1600 + 250 + 1000);
    // Another custom line, titled "Custom item" when no title is given.
    cart = expectStatus(await store.admin(`${path}/line-items`, { body: { unit_price: 50, quantity: 2 } }), 200).draft_order.cart;
    expect(cart.items[3]).toMatchObject({ variant_id: null, title: "Custom item", unit_price: 50, quantity: 2 });
    expect(cart.subtotal).toBe(subtotalOf(cart));

    const [line, custom, catalog, extra] = cart.items;
    // A quantity change keeps the price the admin set; a new price and title are taken.
    cart = expectStatus(await store.admin(`${path}/line-items/${line.id}`, { body: { quantity: 3 } }), 200).draft_order.cart;
    expect(cart.items.find((i: { id: string }) => i.id === line.id)).toMatchObject({ quantity: 3, unit_price: 800 });
    cart = expectStatus(await store.admin(`${path}/line-items/${custom.id}`, { body: { unit_price: 300, title: "Gold engraving", quantity: 2 } }), 200)
      .draft_order.cart;
    expect(cart.items.find((i: { id: string }) => i.id === custom.id)).toMatchObject({ quantity: 2, unit_price: 300, title: "Gold engraving" });
    expect(cart.subtotal).toBe(2400 + 600 + 1000 + 100);
    // Stock is checked: 3 + 1 on the draft's lines is fine, 6 on one line is more than there is.
    const short = await store.admin(`${path}/line-items/${line.id}`, { body: { quantity: 6 } });
    expect(short).toMatchObject({ status: 422, body: { code: "insufficient_inventory" } });

    cart = expectStatus(await store.admin(`${path}/line-items/${catalog.id}`, { method: "DELETE" }), 200).draft_order.cart;
    cart = expectStatus(await store.admin(`${path}/line-items/${extra.id}`, { body: { quantity: 0 } }), 200).draft_order.cart;
    expect(cart.items.map((i: { id: string }) => i.id)).toEqual([line.id, custom.id]);
    expect(cart).toMatchObject({ subtotal: 3000, tax_total: 750, shipping_total: 0, total: 3750 });
    const missing = await store.admin(`${path}/line-items/${catalog.id}`, { method: "DELETE" });
    expect(missing).toMatchObject({ status: 404, body: { code: "line_item_not_found" } });
    await events.drain();
    expect(events.names.filter((n) => n === "draft-order.updated").length).toBeGreaterThanOrEqual(8);
  });

  it("registers the payment: an order with its payment captured, stock taken, the draft completed and closed to changes", async () => {
    const events = recordEvents(store);
    const { productId, variantId } = await variant(5);
    const created = await draft(variantId, 2, { no_notification_order: true });
    const path = `/admin/draft-orders/${created.id}`;

    const order = expectStatus(await store.admin(`${path}/pay`, { method: "POST" }), 200).order;
    expect(order).toMatchObject({
      object: "order",
      status: "pending",
      payment_status: "captured",
      cart_id: created.cart_id,
      email: "phone.customer@kiosk.test",
      total: created.cart.total,
    });
    expect(order.items).toHaveLength(2);
    expect(order.payments).toMatchObject([{ amount: created.cart.total, provider_id: "manual" }]);
    expect(order.payments[0].captured_at).toBeTruthy();
    expect(await stockOf(store, productId, variantId)).toBe(3);

    const completed = expectStatus(await store.admin(path), 200).draft_order;
    expect(completed).toMatchObject({ status: "completed", order_id: order.id, cart: { completed_at: expect.any(String) } });
    expect(completed.completed_at).toBeTruthy();
    await events.drain();
    const placed = events.messages.find((m) => m.name === "order.placed");
    expect(placed?.data).toMatchObject({ id: order.id, no_notification: true });
    expect(events.names).toEqual(expect.arrayContaining(["order.payment_captured", "draft-order.updated"]));

    // A completed draft refuses changes; paying again answers the same order.
    const refused = [
      await store.admin(path, { body: { email: "late@kiosk.test" } }),
      await store.admin(`${path}/line-items`, { body: { title: "Late", unit_price: 1, quantity: 1 } }),
      await store.admin(`${path}/line-items/${order.items[0].id}`, { body: { quantity: 1 } }),
      await store.admin(`${path}/line-items/${order.items[0].id}`, { method: "DELETE" }),
      await store.admin(path, { method: "DELETE" }),
    ];
    for (const res of refused) expect(res, JSON.stringify(res.body)).toMatchObject({ status: 422, body: { code: "draft_order_completed" } });
    expect(expectStatus(await store.admin(`${path}/pay`, { method: "POST" }), 200).order.id).toBe(order.id);
    expect(await stockOf(store, productId, variantId)).toBe(3);

    // The order is an order like any other: canceling it gives the stock back (the payment's provider is `manual`).
    const canceled = expectStatus(await store.admin(`/admin/orders/${order.id}/cancel`, { method: "POST" }), 200).order;
    expect(canceled).toMatchObject({ status: "canceled" });
    expect(await stockOf(store, productId, variantId)).toBe(5);
  });

  it("refuses to pay for what is not in stock, and changes nothing", async () => {
    const { productId, variantId } = await variant(3);
    const created = await draft(variantId, 3);
    // Someone else buys one meanwhile (the admin sets stock down).
    expectStatus(await store.admin(`/admin/products/${productId}/variants/${variantId}`, { body: { inventory_quantity: 2 } }), 200);
    const res = await store.admin(`/admin/draft-orders/${created.id}/pay`, { method: "POST" });
    expect(res).toMatchObject({ status: 422, body: { code: "insufficient_inventory" } });
    expect(await stockOf(store, productId, variantId)).toBe(2);
    expect(expectStatus(await store.admin(`/admin/draft-orders/${created.id}`), 200).draft_order).toMatchObject({ status: "open", order_id: null });
    expect(expectStatus(await store.admin(`/admin/orders?cart_id=${created.cart_id}`), 200).count).toBe(0);
  });

  // On SQLite transactions take turns, so these cannot fail there; on PostgreSQL
  // they prove the locks: the draft row for one draft, the stock UPDATE across drafts.
  it("answers concurrent payments of one draft with one order (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const { productId, variantId } = await variant(5);
    const created = await draft(variantId, 2);
    const results = await Promise.all(Array.from({ length: 6 }, () => store.admin(`/admin/draft-orders/${created.id}/pay`, { method: "POST" })));
    for (const res of results) expectStatus(res, 200);
    expect(new Set(results.map((r) => r.body.order.id)).size).toBe(1);
    expect(expectStatus(await store.admin(`/admin/orders?cart_id=${created.cart_id}`), 200).count).toBe(1);
    expect(await stockOf(store, productId, variantId)).toBe(3);
  });

  it("never oversells when drafts are paid for at once (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const { productId, variantId } = await variant(5);
    const drafts = [];
    for (let i = 0; i < 4; i++) drafts.push(await draft(variantId, 2));
    const results = await Promise.all(drafts.map((d) => store.admin(`/admin/draft-orders/${d.id}/pay`, { method: "POST" })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 422, 422]);
    for (const r of results.filter((r) => r.status === 422)) expect(r.body.code).toBe("insufficient_inventory");
    expect(await stockOf(store, productId, variantId)).toBe(1);
  });

  it("gives the draft to a customer (their saved address too) and applies discount codes, counted when paid for", async () => {
    const { variantId } = await variant(5);
    const shopper = { email: "regular@kiosk.test", password: "longenough", first_name: "Reg", last_name: "Ular" };
    const customer = expectStatus(await store.request("/store/customers", { body: shopper }), 200).customer;
    const token = expectStatus(await store.request("/store/auth/token", { body: { email: shopper.email, password: shopper.password } }), 200).access_token;
    const saved = expectStatus(
      await store.request("/store/customers/me/addresses", { body: { address: SHIPPING_ADDRESS }, headers: { authorization: `Bearer ${token}` } }),
      200,
    ).customer.shipping_addresses[0];
    const code = `DRAFT10${Date.now().toString(36)}`.toUpperCase();
    const discount = expectStatus(
      await store.admin("/admin/discounts", { body: { code, rule: { type: "percentage", value: 10, allocation: "total" }, regions: [region.id] } }),
      200,
    ).discount;

    const created = await draft(variantId, 2, { shipping_address: undefined, discounts: [{ code }] });
    // 10 % off the catalog line only (a custom line takes no discounts): 1600 - 160; tax 360 + 63.
    expect(created.cart).toMatchObject({ subtotal: 1850, discount_total: 160, tax_total: 423, total: 2113 });
    const path = `/admin/draft-orders/${created.id}`;
    const ghost = await store.admin(path, { body: { customer_id: "cus_nope" } });
    expect(ghost.status).toBe(404);
    const given = expectStatus(await store.admin(path, { body: { customer_id: customer.id, shipping_address: saved.id } }), 200).draft_order;
    expect(given.cart).toMatchObject({ customer_id: customer.id, shipping_address: { address_1: SHIPPING_ADDRESS.address_1, city: SHIPPING_ADDRESS.city } });

    const order = expectStatus(await store.admin(`${path}/pay`, { method: "POST" }), 200).order;
    expect(order).toMatchObject({ customer_id: customer.id, discount_total: 160, total: 2113, payment_status: "captured" });
    expect(expectStatus(await store.admin(`/admin/discounts/${discount.id}`), 200).discount.usage_count).toBe(1);
  });

  it("lets a change and the payment of one draft take turns: the order has the line exactly when the change won (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const { variantId } = await variant(5);
    const created = await draft(variantId, 1);
    const [added, paid] = await Promise.all([
      store.admin(`/admin/draft-orders/${created.id}/line-items`, { body: { title: "Late addition", unit_price: 100, quantity: 1 } }),
      store.admin(`/admin/draft-orders/${created.id}/pay`, { method: "POST" }),
    ]);
    const order = expectStatus(paid, 200).order;
    if (added.status === 200) expect(order.items).toHaveLength(3);
    else {
      expect(added.body.code).toBe("draft_order_completed");
      expect(order.items).toHaveLength(2);
    }
    expect(order.total).toBe(subtotalOf(order) + order.tax_total + order.shipping_total);
  });

  it("lists and searches drafts, and deletes an open one", async () => {
    const { variantId } = await variant(5);
    const a = await draft(variantId, 1, { email: "searchable-anna@kiosk.test" });
    const b = await draft(variantId, 1);
    const list = expectStatus(await store.admin("/admin/draft-orders?limit=2"), 200);
    expect(list).toMatchObject({ offset: 0, limit: 2 });
    expect(list.count).toBeGreaterThanOrEqual(2);
    expect(list.draft_orders.map((d: { id: string }) => d.id)).toEqual([b.id, a.id]);
    expect(list.draft_orders[0].cart.items).toHaveLength(2);

    const byEmail = expectStatus(await store.admin("/admin/draft-orders?q=ANNA@kiosk"), 200);
    expect(byEmail.draft_orders.map((d: { id: string }) => d.id)).toEqual([a.id]);
    const byNumber = expectStatus(await store.admin(`/admin/draft-orders?q=${b.display_id}`), 200);
    expect(byNumber.draft_orders.map((d: { id: string }) => d.id)).toContain(b.id);
    expect(expectStatus(await store.admin("/admin/draft-orders?q=nobody-at-all"), 200).count).toBe(0);

    expect(expectStatus(await store.admin(`/admin/draft-orders/${a.id}`, { method: "DELETE" }), 200)).toEqual({ id: a.id, object: "draft-order", deleted: true });
    expect(await store.admin(`/admin/draft-orders/${a.id}`)).toMatchObject({ status: 404, body: { code: "draft_order_not_found" } });
    expect(await store.admin(`/admin/draft-orders/${a.id}/pay`, { method: "POST" })).toMatchObject({ status: 404 });
    expect((await store.request(`/store/carts/${a.cart_id}`)).status).toBe(404);
  });
});
