import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { createProduct, createRegion, createShippingOption, expectStatus, recordEvents, SHIPPING_ADDRESS } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("sales channels and publishable API keys on $name", ({ name }) => {
  let store: Store;
  let region: { id: string };
  let events: ReturnType<typeof recordEvents>;
  const price = [{ amount: 1000, currency_code: "dkk" }];

  beforeAll(async () => {
    store = await startStore(name, "channels");
    events = recordEvents(store);
    region = await createRegion(store);
  });

  afterAll(async () => {
    await store?.close();
  });

  const channel = async (body: Record<string, unknown>) => expectStatus(await store.admin("/admin/sales-channels", { body }), 200).sales_channel;
  const defaultChannel = async () =>
    expectStatus(await store.admin("/admin/sales-channels?limit=100"), 200).sales_channels.find((c: { is_default: boolean }) => c.is_default);
  const key = async (title: string) => expectStatus(await store.admin("/admin/publishable-api-keys", { body: { title } }), 200).publishable_api_key;
  const storeIds = async (path: string, headers: Record<string, string> = {}) =>
    expectStatus(await store.request(path, { headers }), 200).products.map((p: { id: string }) => p.id);

  it("creates, lists, updates and soft-deletes channels; the migration's default channel cannot be deleted", async () => {
    const fallback = await defaultChannel();
    expect(fallback).toMatchObject({ name: "Default Sales Channel", is_disabled: false, deleted_at: null });

    const web = await channel({ name: "Web shop", description: "The website" });
    expect(web).toMatchObject({ name: "Web shop", description: "The website", is_disabled: false, is_default: false, deleted_at: null });
    expect(web.id).toMatch(/^sc_/);
    const updated = expectStatus(await store.admin(`/admin/sales-channels/${web.id}`, { body: { is_disabled: true, name: "Web" } }), 200).sales_channel;
    expect(updated).toMatchObject({ id: web.id, name: "Web", is_disabled: true, description: "The website" });
    expect(expectStatus(await store.admin(`/admin/sales-channels/${web.id}`), 200).sales_channel.name).toBe("Web");

    const found = expectStatus(await store.admin("/admin/sales-channels?q=websi"), 200);
    expect(found).toMatchObject({ count: 1, offset: 0, limit: 20 });
    expect(found.sales_channels[0].id).toBe(web.id);

    expect(expectStatus(await store.admin(`/admin/sales-channels/${web.id}`, { method: "DELETE" }), 200)).toEqual({
      id: web.id,
      object: "sales-channel",
      deleted: true,
    });
    expect((await store.admin(`/admin/sales-channels/${web.id}`)).status).toBe(404);
    expect(expectStatus(await store.admin("/admin/sales-channels?q=websi"), 200).count).toBe(0);
    const refused = await store.admin(`/admin/sales-channels/${fallback.id}`, { method: "DELETE" });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("default_sales_channel");
    await events.drain();
    expect(events.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "sales-channel.created", data: { id: web.id } }),
        expect.objectContaining({ name: "sales-channel.updated", data: { id: web.id } }),
        expect.objectContaining({ name: "sales-channel.deleted", data: { id: web.id } }),
      ]),
    );
  });

  it("puts new products in the default channel, or in the channels given; lists filter and expand by channel", async () => {
    const fallback = await defaultChannel();
    const app = await channel({ name: "App" });
    const plain = await createProduct(store, [{ prices: price }]);
    const inApp = await createProduct(store, [{ prices: price }], { sales_channels: [{ id: app.id }] });

    const expanded = expectStatus(await store.admin(`/admin/products/${plain.id}?expand=sales_channels`), 200).product;
    expect(expanded.sales_channels.map((c: { id: string }) => c.id)).toEqual([fallback.id]);
    const appOnly = expectStatus(await store.admin(`/admin/products?sales_channel_id=${app.id}&expand=sales_channels`), 200);
    expect(appOnly.products.map((p: { id: string }) => p.id)).toEqual([inApp.id]);
    expect(appOnly.products[0].sales_channels.map((c: { id: string }) => c.id)).toEqual([app.id]);

    // An update replaces the product's channels.
    expectStatus(await store.admin(`/admin/products/${plain.id}`, { body: { sales_channels: [{ id: app.id }, { id: fallback.id }] } }), 200);
    const both = expectStatus(await store.admin(`/admin/products?sales_channel_id=${app.id}`), 200).products.map((p: { id: string }) => p.id);
    expect(both.sort()).toEqual([plain.id, inApp.id].sort());
    const unknown = await store.admin(`/admin/products/${plain.id}`, { body: { sales_channels: [{ id: "sc_missing" }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe("sales_channel_not_found");

    // The batch routes add and remove products.
    const batch = expectStatus(await store.admin(`/admin/sales-channels/${app.id}/products/batch`, { method: "DELETE", body: { product_ids: [{ id: plain.id }] } }), 200);
    expect(batch.sales_channel.id).toBe(app.id);
    expect(await storeIds(`/store/products?sales_channel_id=${app.id}`)).toEqual([inApp.id]);
    expectStatus(await store.admin(`/admin/sales-channels/${app.id}/products/batch`, { body: { product_ids: [{ id: plain.id }, { id: plain.id }] } }), 200);
    expectStatus(await store.admin(`/admin/sales-channels/${app.id}/products/batch`, { body: { product_ids: [{ id: plain.id }] } }), 200);
    expect((await storeIds(`/store/products?sales_channel_id=${app.id}`)).sort()).toEqual([plain.id, inApp.id].sort());
    const missing = await store.admin(`/admin/sales-channels/${app.id}/products/batch`, { body: { product_ids: [{ id: "prod_missing" }] } });
    expect(missing.status).toBe(404);
    const bad = await store.admin(`/admin/sales-channels/${app.id}/products/batch`, { body: { product_ids: ["x"] } });
    expect(bad.status).toBe(400);
  });

  it("scopes store product and variant lists and pages to a publishable key's channels, and refuses unknown or revoked keys", async () => {
    const kiosk = await channel({ name: "Kiosk" });
    const inKiosk = await createProduct(store, [{ prices: price }], { sales_channels: [{ id: kiosk.id }] });
    const elsewhere = await createProduct(store, [{ prices: price }]);
    const pk = await key("Kiosk front");
    expect(pk).toMatchObject({ title: "Kiosk front", revoked_at: null, revoked_by: null, created_by: expect.any(String) });
    expect(pk.id).toMatch(/^pk_/);
    const headers = { "x-publishable-api-key": pk.id };

    // A key without channels sees nothing.
    expect(await storeIds("/store/products", headers)).toEqual([]);
    const added = expectStatus(await store.admin(`/admin/publishable-api-keys/${pk.id}/sales-channels/batch`, { body: { sales_channel_ids: [{ id: kiosk.id }] } }), 200);
    expect(added.publishable_api_key.id).toBe(pk.id);
    expect(expectStatus(await store.admin(`/admin/publishable-api-keys/${pk.id}/sales-channels`), 200).sales_channels.map((c: { id: string }) => c.id)).toEqual([kiosk.id]);

    expect(await storeIds("/store/products", headers)).toEqual([inKiosk.id]);
    expect((await storeIds("/store/products")).length).toBeGreaterThan(1);
    expectStatus(await store.request(`/store/products/${inKiosk.id}`, { headers }), 200);
    expect((await store.request(`/store/products/${elsewhere.id}`, { headers })).status).toBe(404);
    expectStatus(await store.request(`/store/products/${elsewhere.id}`), 200);
    // Variants too.
    const both = `/store/variants?ids=${inKiosk.variants[0].id},${elsewhere.variants[0].id}`;
    expect(expectStatus(await store.request(both, { headers }), 200).variants.map((v: { id: string }) => v.id)).toEqual([inKiosk.variants[0].id]);
    expect(expectStatus(await store.request(both), 200).variants).toHaveLength(2);
    expectStatus(await store.request(`/store/variants/${inKiosk.variants[0].id}`, { headers }), 200);
    expect((await store.request(`/store/variants/${elsewhere.variants[0].id}`, { headers })).status).toBe(404);

    const unknown = await store.request("/store/products", { headers: { "x-publishable-api-key": "pk_unknown" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe("invalid_publishable_api_key");

    const revoked = expectStatus(await store.admin(`/admin/publishable-api-keys/${pk.id}/revoke`, { method: "POST" }), 200).publishable_api_key;
    expect(revoked).toMatchObject({ id: pk.id, revoked_at: expect.any(String), revoked_by: pk.created_by });
    const again = await store.admin(`/admin/publishable-api-keys/${pk.id}/revoke`, { method: "POST" });
    expect(again.status).toBe(409);
    const refused = await store.request("/store/products", { headers });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("invalid_publishable_api_key");
    await events.drain();
    expect(events.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "publishable-api-key.created", data: { id: pk.id } }),
        expect.objectContaining({ name: "publishable-api-key.revoked", data: { id: pk.id } }),
      ]),
    );
  });

  it("lists, updates, unlinks and deletes keys", async () => {
    const a = await key("Alpha key");
    await key("Beta key");
    const list = expectStatus(await store.admin("/admin/publishable-api-keys?q=alpha"), 200);
    expect(list).toMatchObject({ count: 1, offset: 0, limit: 20 });
    expect(list.publishable_api_keys[0].id).toBe(a.id);
    expect(expectStatus(await store.admin(`/admin/publishable-api-keys/${a.id}`, { body: { title: "Gamma" } }), 200).publishable_api_key.title).toBe("Gamma");
    const fallback = await defaultChannel();
    expectStatus(await store.admin(`/admin/publishable-api-keys/${a.id}/sales-channels/batch`, { body: { sales_channel_ids: [{ id: fallback.id }] } }), 200);
    expectStatus(await store.admin(`/admin/publishable-api-keys/${a.id}/sales-channels/batch`, { method: "DELETE", body: { sales_channel_ids: [{ id: fallback.id }] } }), 200);
    expect(expectStatus(await store.admin(`/admin/publishable-api-keys/${a.id}/sales-channels`), 200).sales_channels).toEqual([]);
    const unknownChannel = await store.admin(`/admin/publishable-api-keys/${a.id}/sales-channels/batch`, { body: { sales_channel_ids: [{ id: "sc_missing" }] } });
    expect(unknownChannel.status).toBe(400);
    expect(expectStatus(await store.admin(`/admin/publishable-api-keys/${a.id}`, { method: "DELETE" }), 200)).toEqual({ id: a.id, object: "publishable_api_key", deleted: true });
    expect((await store.admin(`/admin/publishable-api-keys/${a.id}`)).status).toBe(404);
    expect((await store.request("/store/products", { headers: { "x-publishable-api-key": a.id } })).status).toBe(400);
  });

  it("puts carts in a channel (asked for, the key's, or the default) and refuses lines of products not sold there", async () => {
    const fallback = await defaultChannel();
    const shop = await channel({ name: "Shop" });
    const inShop = await createProduct(store, [{ prices: price, inventory_quantity: 10 }], { sales_channels: [{ id: shop.id }] });
    const inDefault = await createProduct(store, [{ prices: price, inventory_quantity: 10 }]);

    const plain = expectStatus(await store.request("/store/carts", { body: { region_id: region.id } }), 200).cart;
    expect(plain.sales_channel_id).toBe(fallback.id);
    const refused = await store.request(`/store/carts/${plain.id}/line-items`, { body: { variant_id: inShop.variants[0].id, quantity: 1 } });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("product_not_in_sales_channel");
    expect(expectStatus(await store.request(`/store/carts/${plain.id}`), 200).cart.items).toEqual([]);
    expectStatus(await store.request(`/store/carts/${plain.id}/line-items`, { body: { variant_id: inDefault.variants[0].id, quantity: 1 } }), 200);

    // Moving a cart to a channel that does not sell its lines is refused; an empty one moves.
    const move = await store.request(`/store/carts/${plain.id}`, { body: { sales_channel_id: shop.id } });
    expect(move.status).toBe(400);
    expect(move.body.code).toBe("product_not_in_sales_channel");
    const asked = expectStatus(await store.request("/store/carts", { body: { region_id: region.id, sales_channel_id: shop.id } }), 200).cart;
    expect(asked.sales_channel_id).toBe(shop.id);
    expectStatus(await store.request(`/store/carts/${asked.id}/line-items`, { body: { variant_id: inShop.variants[0].id, quantity: 1 } }), 200);
    const moved = expectStatus(await store.request("/store/carts", { body: { region_id: region.id } }), 200).cart;
    expect(expectStatus(await store.request(`/store/carts/${moved.id}`, { body: { sales_channel_id: shop.id } }), 200).cart.sales_channel_id).toBe(shop.id);

    const pk = await key("Shop front");
    expectStatus(await store.admin(`/admin/publishable-api-keys/${pk.id}/sales-channels/batch`, { body: { sales_channel_ids: [{ id: shop.id }] } }), 200);
    const headers = { "x-publishable-api-key": pk.id };
    const keyed = expectStatus(await store.request("/store/carts", { body: { region_id: region.id }, headers }), 200).cart;
    expect(keyed.sales_channel_id).toBe(shop.id);
    const outside = await store.request("/store/carts", { body: { region_id: region.id, sales_channel_id: fallback.id }, headers });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe("sales_channel_not_allowed");
    const missing = await store.request("/store/carts", { body: { region_id: region.id, sales_channel_id: "sc_missing" } });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe("sales_channel_not_found");
  });

  // A race of transactions (tagged `race`): the link rows are inserted with ON CONFLICT
  // DO NOTHING under the channel's row lock, so concurrent batches adding the same
  // product cannot collide on the primary key. On SQLite transactions take turns, so
  // this cannot fail there; it proves the guard on PostgreSQL.
  it("gives an order its cart's channel, and filters admin orders by channel", async () => {
    const outlet = await channel({ name: "Outlet" });
    const fallback = await defaultChannel();
    const denmark = await createRegion(store, { countries: ["dk"] });
    const option = await createShippingOption(store, denmark.id, 0);
    const product = await createProduct(store, [{ prices: price, inventory_quantity: 10 }], { sales_channels: [{ id: outlet.id }, { id: fallback.id }] });
    /** An order from a cart in `channelId` (the default channel when none is given). */
    const orderIn = async (channelId?: string) => {
      const body = { region_id: denmark.id, ...(channelId ? { sales_channel_id: channelId } : {}) };
      const cart = expectStatus(await store.request("/store/carts", { body }), 200).cart;
      expectStatus(await store.request(`/store/carts/${cart.id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 1 } }), 200);
      expectStatus(await store.request(`/store/carts/${cart.id}`, { body: { email: "channel@kiosk.test", shipping_address: SHIPPING_ADDRESS } }), 200);
      expectStatus(await store.request(`/store/carts/${cart.id}/shipping-methods`, { body: { option_id: option.id } }), 200);
      expectStatus(await store.request(`/store/carts/${cart.id}/payment-sessions`, { method: "POST" }), 200);
      const done = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200);
      expect(done.type).toBe("order");
      return done.data as { id: string; sales_channel_id: string | null };
    };
    const sold = await orderIn(outlet.id);
    expect(sold.sales_channel_id).toBe(outlet.id);
    expect(expectStatus(await store.admin(`/admin/orders/${sold.id}`), 200).order.sales_channel_id).toBe(outlet.id);
    const plain = await orderIn();
    expect(plain.sales_channel_id).toBe(fallback.id);

    const ids = async (query: string) => expectStatus(await store.admin(`/admin/orders?${query}`), 200).orders.map((o: { id: string }) => o.id);
    expect(await ids(`sales_channel_id=${outlet.id}`)).toEqual([sold.id]);
    expect(await ids(`sales_channel_id[]=${outlet.id}&sales_channel_id[]=${fallback.id}&limit=100`)).toEqual(expect.arrayContaining([sold.id, plain.id]));
    expect(await ids(`sales_channel_id=${fallback.id}&limit=100`)).not.toContain(sold.id);
    expect((await store.admin(`/admin/orders?sales_channel_id=${"x".repeat(101)}`)).status).toBe(400);
  });

  it("adds the same products from concurrent batches without a conflict (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const target = await channel({ name: "Busy" });
    const product = await createProduct(store, [{ prices: price }]);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => store.admin(`/admin/sales-channels/${target.id}/products/batch`, { body: { product_ids: [{ id: product.id }] } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const expanded = expectStatus(await store.admin(`/admin/products/${product.id}?expand=sales_channels`), 200).product;
    expect(expanded.sales_channels.filter((c: { id: string }) => c.id === target.id)).toHaveLength(1);
  });
});
