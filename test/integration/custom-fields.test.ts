import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegion, expectStatus } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

/**
 * The `custom-fields` fixture declares product.brand (string, indexed), product.weight_class (enum),
 * product.launched_at (datetime), product.specs (json), customer.loyalty_points (int, default 0,
 * indexed) and cart.gift_note (text, writable by the store); its migration was written by
 * `kiosk migrate generate`.
 */
describe.each(DATABASES)("custom fields on $name", ({ name }) => {
  let store: Store;
  let n = 0;

  beforeAll(async () => {
    store = await startStore(name, "custom-fields", { fixture: "custom-fields" });
  });

  afterAll(async () => {
    await store?.close();
  });

  async function product(fields: Record<string, unknown>) {
    const res = await store.admin("/admin/products", { body: { title: `Product ${++n}`, status: "published", ...fields } });
    return expectStatus(res, 200).product;
  }

  it("admin writes a product's custom fields; responses and lists carry them", async () => {
    const created = await product({ brand: "acme", weight_class: "heavy", launched_at: "2025-03-01T10:00:00Z", specs: { watts: 800, tags: ["a"] } });
    expect(created).toMatchObject({ brand: "acme", weight_class: "heavy", specs: { watts: 800, tags: ["a"] } });
    expect(new Date(created.launched_at).toISOString()).toBe("2025-03-01T10:00:00.000Z");

    const updated = expectStatus(await store.admin(`/admin/products/${created.id}`, { body: { brand: "Acme Corp", weight_class: null } }), 200).product;
    expect(updated).toMatchObject({ brand: "Acme Corp", weight_class: null, specs: { watts: 800 } });

    const fetched = expectStatus(await store.request(`/store/products/${created.id}`), 200).product;
    expect(fetched).toMatchObject({ brand: "Acme Corp", weight_class: null });
  });

  it("the store's and the admin's product lists filter by an indexed custom field", async () => {
    const a = await product({ brand: "zenith" });
    const b = await product({ brand: "zenith" });
    await product({ brand: "other" });
    await product({ brand: "zenith", status: "draft" });

    const storeList = expectStatus(await store.request("/store/products?brand=zenith"), 200);
    expect(storeList.count).toBe(2);
    expect(storeList.products.map((p: { id: string }) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(storeList.products[0].brand).toBe("zenith");

    const adminList = expectStatus(await store.admin("/admin/products?brand=zenith"), 200);
    expect(adminList.count).toBe(3);

    // Not indexed: not a filter.
    const unknown = await store.request("/store/products?weight_class=heavy");
    expect(unknown.status).toBe(400);
  });

  it("a value of the wrong type is a 400 naming the field, and changes nothing", async () => {
    const p = await product({ brand: "steady" });
    for (const body of [{ brand: 42 }, { weight_class: "medium" }, { launched_at: "yesterday" }, { brand: "x".repeat(256) }]) {
      const res = await store.admin(`/admin/products/${p.id}`, { body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.type).toBe("invalid_data");
      expect(res.body.message).toContain(Object.keys(body)[0]);
    }
    const after = expectStatus(await store.admin(`/admin/products/${p.id}`), 200).product;
    expect(after).toMatchObject({ brand: "steady", weight_class: null });
  });

  it("a customer's custom field has its default; the admin sets it and filters by it; the store may not", async () => {
    const created = expectStatus(
      await store.admin("/admin/customers", { body: { email: "loyal@kiosk.test", password: "correct-horse", first_name: "L", last_name: "Oyal" } }),
      200,
    ).customer;
    expect(created.loyalty_points).toBe(0);
    const updated = expectStatus(await store.admin(`/admin/customers/${created.id}`, { body: { loyalty_points: 120 } }), 200).customer;
    expect(updated.loyalty_points).toBe(120);
    expect((await store.admin(`/admin/customers/${created.id}`, { body: { loyalty_points: 1.5 } })).status).toBe(400);
    expect((await store.admin(`/admin/customers/${created.id}`, { body: { loyalty_points: null } })).status).toBe(400);

    const list = expectStatus(await store.admin("/admin/customers?loyalty_points=120"), 200);
    expect(list.customers.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect(expectStatus(await store.admin("/admin/customers?loyalty_points=7"), 200).count).toBe(0);

    const signUp = await store.request("/store/customers", {
      body: { email: "greedy@kiosk.test", password: "correct-horse", first_name: "G", last_name: "Reedy", loyalty_points: 1_000_000 },
    });
    expect(signUp.status).toBe(400);
    expect(signUp.body.message).toContain("loyalty_points");
  });

  it("the store writes a cart's custom field declared store: write", async () => {
    const region = await createRegion(store);
    const cart = expectStatus(await store.request("/store/carts", { body: { region_id: region.id, gift_note: "Happy birthday" } }), 200).cart;
    expect(cart.gift_note).toBe("Happy birthday");
    const updated = expectStatus(await store.request(`/store/carts/${cart.id}`, { body: { gift_note: "Congratulations", email: "gift@kiosk.test" } }), 200).cart;
    expect(updated).toMatchObject({ gift_note: "Congratulations", email: "gift@kiosk.test" });
    expect(expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart.gift_note).toBe("Congratulations");
    expect((await store.request(`/store/carts/${cart.id}`, { body: { gift_note: 5 } })).status).toBe(400);
  });
});
