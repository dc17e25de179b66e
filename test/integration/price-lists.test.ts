import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { createProduct, createRegion, expectStatus, recordEvents } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

const DAY = 24 * 60 * 60 * 1000;

describe.each(DATABASES)("price lists on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let n = 0;

  /** A customer with an account and its bearer headers. */
  async function shopper() {
    const body = { email: `pl${++n}@kiosk.test`, password: "longenough", first_name: "P", last_name: "L" };
    const id = expectStatus(await store.request("/store/customers", { body }), 200).customer.id as string;
    const token = expectStatus(await store.request("/store/auth/token", { body: { email: body.email, password: body.password } }), 200).access_token;
    return { id, headers: { authorization: `Bearer ${token}` } };
  }
  const group = async () => expectStatus(await store.admin("/admin/customer-groups", { body: { name: `Group ${++n}` } }), 200).customer_group.id as string;
  const addToGroup = async (groupId: string, customerId: string) =>
    expectStatus(await store.admin(`/admin/customer-groups/${groupId}/customers/batch`, { body: { customer_ids: [{ id: customerId }] } }), 200);
  const priceList = async (body: Record<string, unknown>) =>
    expectStatus(await store.admin("/admin/price-lists", { body: { name: `List ${++n}`, description: "d", status: "active", ...body } }), 200).price_list;
  /** The store's calculated prices of a product's first variant. */
  async function shown(productId: string, init: { headers?: Record<string, string>; query?: string } = {}) {
    const res = await store.request(`/store/products/${productId}?region_id=${region.id}${init.query ?? ""}`, { headers: init.headers });
    const { original_price, calculated_price, calculated_price_type } = expectStatus(res, 200).product.variants[0];
    return { original_price, calculated_price, calculated_price_type };
  }
  async function linePrice(variantId: string, quantity: number, headers?: Record<string, string>) {
    const cart = expectStatus(await store.request("/store/carts", { body: { region_id: region.id }, headers }), 200).cart;
    const withLine = expectStatus(await store.request(`/store/carts/${cart.id}/line-items`, { body: { variant_id: variantId, quantity }, headers }), 200).cart;
    return { cart: withLine, unit_price: withLine.items[0].unit_price as number };
  }

  beforeAll(async () => {
    store = await startStore(name, "price_lists");
    events = recordEvents(store);
    region = await createRegion(store, { currency_code: "eur", countries: [] });
  });
  afterAll(() => store?.close());

  it("creates, lists, reads, updates and soft-deletes lists, with prices and groups", async () => {
    const product = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 1000, currency_code: "eur" }] }]);
    const variantId = product.variants[0].id;
    const vip = await group();
    const created = await priceList({
      type: "sale",
      prices: [
        { variant_id: variantId, amount: 800, currency_code: "EUR" },
        { variant_id: variantId, amount: 700, region_id: region.id, min_quantity: 10 },
      ],
      customer_groups: [{ id: vip }],
    });
    expect(created).toMatchObject({ type: "sale", status: "active", description: "d", starts_at: null, ends_at: null, deleted_at: null });
    expect(created.id).toMatch(/^pl_/);
    // Prices written in one statement share a creation time: compared by amount.
    const byAmount = (prices: any[]) => [...prices].sort((a, b) => b.amount - a.amount);
    expect(byAmount(created.prices).map((p: any) => [p.amount, p.currency_code, p.region_id, p.min_quantity])).toEqual([
      [800, "eur", null, null],
      [700, "eur", region.id, 10],
    ]);
    const [eurPrice, regionPrice] = byAmount(created.prices);
    expect(created.customer_groups.map((g: { id: string }) => g.id)).toEqual([vip]);

    const listed = expectStatus(await store.admin("/admin/price-lists?status=active&type=sale"), 200);
    expect(listed.price_lists.map((l: { id: string }) => l.id)).toContain(created.id);
    expect(expectStatus(await store.admin("/admin/price-lists?type=override"), 200).price_lists.map((l: { id: string }) => l.id)).not.toContain(created.id);
    expect(expectStatus(await store.admin(`/admin/price-lists/${created.id}`), 200).price_list.prices).toHaveLength(2);

    const changed = expectStatus(
      await store.admin(`/admin/price-lists/${created.id}`, {
        body: { name: "Summer", prices: [{ id: eurPrice.id, variant_id: variantId, amount: 750, currency_code: "eur" }], customer_groups: [] },
      }),
      200,
    ).price_list;
    expect(changed).toMatchObject({ name: "Summer", customer_groups: [] });
    expect(byAmount(changed.prices).map((p: { amount: number }) => p.amount)).toEqual([750, 700]);

    const added = expectStatus(
      await store.admin(`/admin/price-lists/${created.id}/prices/batch`, { body: { prices: [{ variant_id: variantId, amount: 600, currency_code: "eur", min_quantity: 50 }] } }),
      200,
    ).price_list;
    expect(added.prices).toHaveLength(3);
    const products = expectStatus(await store.admin(`/admin/price-lists/${created.id}/products`), 200);
    expect(products).toMatchObject({ count: 1 });
    expect(products.products[0].id).toBe(product.id);

    const tierPrice = added.prices.find((p: { amount: number }) => p.amount === 600);
    const byId = expectStatus(await store.admin(`/admin/price-lists/${created.id}/prices/batch`, { method: "DELETE", body: { price_ids: [tierPrice.id] } }), 200);
    expect(byId).toEqual({ ids: [tierPrice.id], object: "money-amount", deleted: true });
    const byVariant = expectStatus(await store.admin(`/admin/price-lists/${created.id}/variants/${variantId}/prices`, { method: "DELETE" }), 200);
    expect(byVariant.ids.sort()).toEqual([eurPrice.id, regionPrice.id].sort());
    expectStatus(await store.admin(`/admin/price-lists/${created.id}/prices/batch`, { body: { prices: [{ variant_id: variantId, amount: 1, currency_code: "eur" }] } }), 200);
    const byProduct = expectStatus(await store.admin(`/admin/price-lists/${created.id}/products/${product.id}/prices`, { method: "DELETE" }), 200);
    expect(byProduct.ids).toHaveLength(1);
    expect(expectStatus(await store.admin(`/admin/price-lists/${created.id}`), 200).price_list.prices).toEqual([]);
    const replaced = expectStatus(
      await store.admin(`/admin/price-lists/${created.id}/prices/batch`, { body: { prices: [{ variant_id: variantId, amount: 5, currency_code: "eur" }], override: true } }),
      200,
    ).price_list;
    expect(replaced.prices.map((p: { amount: number }) => p.amount)).toEqual([5]);

    await events.drain();
    const before = events.names.length;
    expect(expectStatus(await store.admin(`/admin/price-lists/${created.id}`, { method: "DELETE" }), 200)).toEqual({ id: created.id, object: "price-list", deleted: true });
    await events.drain();
    expect(events.names.slice(before)).toEqual(["price-list.deleted"]);
    expect((await store.admin(`/admin/price-lists/${created.id}`)).status).toBe(404);
    expect(events.names).toEqual(expect.arrayContaining(["price-list.created", "price-list.updated"]));
  });

  it("refuses bad input with a 4xx and changes nothing", async () => {
    const product = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 1000, currency_code: "eur" }] }]);
    const variant_id = product.variants[0].id;
    const before = expectStatus(await store.admin("/admin/price-lists?limit=100"), 200).count;
    const base = { name: "Bad", description: "x", type: "sale", prices: [] };
    for (const body of [
      { ...base, type: "discount" },
      { ...base, status: "paused" },
      { ...base, prices: [{ variant_id, amount: 1 }] },
      { ...base, prices: [{ variant_id, amount: 1, currency_code: "eur", region_id: region.id }] },
      { ...base, prices: [{ variant_id, amount: -1, currency_code: "eur" }] },
      { ...base, prices: [{ variant_id, amount: 1, currency_code: "eur", min_quantity: 5, max_quantity: 2 }] },
      { ...base, starts_at: "2030-01-02", ends_at: "2030-01-01" },
      { name: "Bad", type: "sale", prices: [] },
    ]) {
      const res = await store.admin("/admin/price-lists", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", code: expect.any(String), message: expect.any(String) });
    }
    expect((await store.admin("/admin/price-lists", { body: { ...base, prices: [{ variant_id: "variant_missing", amount: 1, currency_code: "eur" }] } })).status).toBe(404);
    expect((await store.admin("/admin/price-lists", { body: { ...base, prices: [{ variant_id, amount: 1, region_id: "reg_missing" }] } })).status).toBe(404);
    expect((await store.admin("/admin/price-lists", { body: { ...base, customer_groups: [{ id: "cgrp_missing" }] } })).status).toBe(404);
    expect(expectStatus(await store.admin("/admin/price-lists?limit=100"), 200).count).toBe(before);
    const list = await priceList({ type: "sale", prices: [] });
    const wrongPrice = await store.admin(`/admin/price-lists/${list.id}/prices/batch`, { body: { prices: [{ id: "ma_other", variant_id, amount: 1, currency_code: "eur" }] } });
    expect(wrongPrice.status).toBe(404);
    expect((await store.admin(`/admin/price-lists/${list.id}`, { body: { ends_at: "2000-01-01", starts_at: "2001-01-01" } })).status).toBe(400);
    expect((await store.admin("/admin/price-lists/pl_missing", { body: { name: "x" } })).status).toBe(404);
    expect((await store.admin("/admin/price-lists?status=paused")).status).toBe(400);
    expect(expectStatus(await store.admin(`/admin/price-lists/${list.id}`), 200).price_list.prices).toEqual([]);
  });

  it("prices the catalog and a cart with a group's sale list for its members only", async () => {
    const product = await createProduct(store, [{ inventory_quantity: 50, prices: [{ amount: 1000, currency_code: "eur" }] }]);
    const variantId = product.variants[0].id;
    const vip = await group();
    const member = await shopper();
    const guest = await shopper();
    await addToGroup(vip, member.id);
    await priceList({ type: "sale", prices: [{ variant_id: variantId, amount: 800, currency_code: "eur" }], customer_groups: [{ id: vip }] });

    expect(await shown(product.id, { headers: member.headers })).toEqual({ original_price: 1000, calculated_price: 800, calculated_price_type: "sale" });
    expect(await shown(product.id, { headers: guest.headers })).toEqual({ original_price: 1000, calculated_price: 1000, calculated_price_type: "default" });
    expect(await shown(product.id)).toEqual({ original_price: 1000, calculated_price: 1000, calculated_price_type: "default" });
    const listed = expectStatus(await store.request(`/store/products?region_id=${region.id}&id=${product.id}`, { headers: member.headers }), 200).products;
    expect(listed[0].variants[0].calculated_price).toBe(800);

    const memberCart = await linePrice(variantId, 2, member.headers);
    expect(memberCart.unit_price).toBe(800);
    expect((await linePrice(variantId, 2, guest.headers)).unit_price).toBe(1000);
    expect((await linePrice(variantId, 2)).unit_price).toBe(1000);
    // `cart_id` prices the catalog for the cart's customer.
    expect((await shown(product.id, { query: `&cart_id=${memberCart.cart.id}` })).calculated_price).toBe(800);

    // A list for everyone applies to guests too; the lower sale price wins.
    await priceList({ type: "sale", prices: [{ variant_id: variantId, amount: 900, currency_code: "eur" }] });
    expect((await shown(product.id)).calculated_price).toBe(900);
    expect((await shown(product.id, { headers: member.headers })).calculated_price).toBe(800);
    // Leaving the group ends the member's price.
    expectStatus(await store.admin(`/admin/customer-groups/${vip}/customers/batch`, { method: "DELETE", body: { customer_ids: [{ id: member.id }] } }), 200);
    expect((await shown(product.id, { headers: member.headers })).calculated_price).toBe(900);
    // A list whose groups are all deleted applies to nobody, not to everyone.
    const staff = await group();
    await addToGroup(staff, member.id);
    const staffList = await priceList({ type: "override", prices: [{ variant_id: variantId, amount: 50, currency_code: "eur" }], customer_groups: [{ id: staff }] });
    expect((await shown(product.id, { headers: member.headers })).calculated_price).toBe(50);
    expectStatus(await store.admin(`/admin/customer-groups/${staff}`, { method: "DELETE" }), 200);
    expect((await shown(product.id, { headers: member.headers })).calculated_price).toBe(900);
    expect((await shown(product.id, { headers: guest.headers })).calculated_price).toBe(900);
    expect(expectStatus(await store.admin(`/admin/price-lists/${staffList.id}`), 200).price_list.customer_groups).toEqual([]);
  });

  it("respects status, dates and quantity tiers, and an override list over a sale", async () => {
    const product = await createProduct(store, [{ inventory_quantity: 100, prices: [{ amount: 1000, currency_code: "eur" }] }]);
    const variantId = product.variants[0].id;
    const now = Date.now();
    const draft = await priceList({ type: "sale", status: "draft", prices: [{ variant_id: variantId, amount: 100, currency_code: "eur" }] });
    await priceList({ type: "sale", starts_at: new Date(now + DAY).toISOString(), prices: [{ variant_id: variantId, amount: 200, currency_code: "eur" }] });
    await priceList({ type: "sale", ends_at: new Date(now - DAY).toISOString(), prices: [{ variant_id: variantId, amount: 300, currency_code: "eur" }] });
    expect(await shown(product.id)).toEqual({ original_price: 1000, calculated_price: 1000, calculated_price_type: "default" });

    // Within its dates, a sale list prices a tier: 10 or more units at 700.
    const tiered = await priceList({
      type: "sale",
      starts_at: new Date(now - DAY).toISOString(),
      ends_at: new Date(now + DAY).toISOString(),
      prices: [{ variant_id: variantId, amount: 700, currency_code: "eur", min_quantity: 10 }],
    });
    expect((await shown(product.id)).calculated_price).toBe(1000);
    expect((await linePrice(variantId, 9)).unit_price).toBe(1000);
    expect((await linePrice(variantId, 10)).unit_price).toBe(700);
    // A sale price above the variant's own does not apply.
    await priceList({ type: "sale", prices: [{ variant_id: variantId, amount: 1200, currency_code: "eur" }] });
    expect((await shown(product.id)).calculated_price).toBe(1000);

    // An override list applies whatever its price, over sales.
    const override = await priceList({ type: "override", prices: [{ variant_id: variantId, amount: 1100, currency_code: "eur" }] });
    expect(await shown(product.id)).toEqual({ original_price: 1000, calculated_price: 1100, calculated_price_type: "override" });
    expect((await linePrice(variantId, 10)).unit_price).toBe(1100);
    expectStatus(await store.admin(`/admin/price-lists/${override.id}`, { body: { status: "draft" } }), 200);
    expect((await linePrice(variantId, 10)).unit_price).toBe(700);

    // Activating the draft list brings its price; deleting a list ends its.
    expectStatus(await store.admin(`/admin/price-lists/${draft.id}`, { body: { status: "active" } }), 200);
    expect(await shown(product.id)).toEqual({ original_price: 1000, calculated_price: 100, calculated_price_type: "sale" });
    expectStatus(await store.admin(`/admin/price-lists/${draft.id}`, { method: "DELETE" }), 200);
    expectStatus(await store.admin(`/admin/price-lists/${tiered.id}`, { method: "DELETE" }), 200);
    expect((await linePrice(variantId, 10)).unit_price).toBe(1000);
  });

  it("answers racing price batches on one list with every price written once (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite this cannot fail (transactions take turns); on PostgreSQL the list's row is locked, so `override` batches take turns.
    const product = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 1000, currency_code: "eur" }] }]);
    const list = await priceList({ type: "sale", prices: [] });
    const body = (amount: number) => ({ prices: [{ variant_id: product.variants[0].id, amount, currency_code: "eur" }], override: true });
    const results = await Promise.all([1, 2, 3, 4].map((amount) => store.admin(`/admin/price-lists/${list.id}/prices/batch`, { body: body(amount) })));
    for (const res of results) expectStatus(res, 200);
    expect(expectStatus(await store.admin(`/admin/price-lists/${list.id}`), 200).price_list.prices).toHaveLength(1);
  });
});
