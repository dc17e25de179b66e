import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

const MANUAL = [{ id: "manual", is_installed: true }];

describe.each(DATABASES)("a region's providers on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "region_providers");
  });

  afterAll(async () => {
    await store?.close();
  });

  it("answers every region with the installed payment and fulfillment providers, on every route", async () => {
    const region = await createRegion(store, { name: "Providers", currency_code: "eur", countries: ["fr"] });
    expect(region).toMatchObject({ payment_providers: MANUAL, fulfillment_providers: MANUAL });
    const answers = [
      expectStatus(await store.admin(`/admin/regions/${region.id}`), 200).region,
      expectStatus(await store.admin(`/admin/regions/${region.id}`, { body: { name: "Renamed" } }), 200).region,
      expectStatus(await store.admin(`/admin/regions/${region.id}/countries`, { body: { country_code: "be" } }), 200).region,
      expectStatus(await store.admin(`/admin/regions/${region.id}/countries/be`, { method: "DELETE" }), 200).region,
      expectStatus(await store.request(`/store/regions/${region.id}`), 200).region,
      ...expectStatus(await store.admin("/admin/regions"), 200).regions,
      ...expectStatus(await store.request("/store/regions"), 200).regions,
    ];
    for (const answer of answers) expect(answer).toMatchObject({ payment_providers: MANUAL, fulfillment_providers: MANUAL });
  });

  it("lists each fulfillment provider's options for a region, and 404s an unknown region", async () => {
    const region = await createRegion(store, { name: "Options", currency_code: "eur", countries: ["de"] });
    expect(expectStatus(await store.admin(`/admin/regions/${region.id}/fulfillment-options`), 200)).toEqual({
      fulfillment_options: [{ provider_id: "manual", options: [{ id: "manual-fulfillment" }, { id: "manual-fulfillment-return", is_return: true }] }],
    });
    expect(await store.admin("/admin/regions/reg_missing/fulfillment-options")).toMatchObject({ status: 404, body: { type: "not_found" } });
    expect((await store.request(`/admin/regions/${region.id}/fulfillment-options`)).status).toBe(401);
  });
});

/** The card-store fixture installs a second payment provider (`card`) and a second fulfillment provider (`locker`). */
describe.each(DATABASES)("choosing a region's providers on $name", ({ name }) => {
  let store: Store;
  const ids = (refs: { id: string }[]) => refs.map((r) => r.id).sort();

  /** A cart in the region with one line. */
  async function cartIn(regionId: string) {
    const product = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 1000, currency_code: "dkk" }] }]);
    const cart = expectStatus(await store.request("/store/carts", { body: { region_id: regionId } }), 200).cart;
    expectStatus(await store.request(`/store/carts/${cart.id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 1 } }), 200);
    return cart as { id: string };
  }

  beforeAll(async () => {
    store = await startStore(name, "region_choice", { fixture: "card-store" });
  });

  afterAll(async () => {
    await store?.close();
  });

  it("serves every installed provider until some are chosen, on create, update and the provider routes", async () => {
    const open = await createRegion(store, { name: "Open", countries: ["fi"] });
    expect(open).toMatchObject({ payment_providers: [{ id: "card" }, { id: "manual" }].map((p) => ({ ...p, is_installed: true })) });
    expect(ids((open as any).fulfillment_providers)).toEqual(["locker", "manual"]);

    const chosen = await createRegion(store, { name: "Chosen", countries: ["no"], payment_providers: ["manual", "manual"], fulfillment_providers: ["locker"] });
    expect(ids((chosen as any).payment_providers)).toEqual(["manual"]);
    expect(ids((chosen as any).fulfillment_providers)).toEqual(["locker"]);

    const added = expectStatus(await store.admin(`/admin/regions/${chosen.id}/payment-providers`, { body: { provider_id: "card" } }), 200).region;
    expect(ids(added.payment_providers)).toEqual(["card", "manual"]);
    const again = expectStatus(await store.admin(`/admin/regions/${chosen.id}/payment-providers`, { body: { provider_id: "card" } }), 200).region;
    expect(ids(again.payment_providers)).toEqual(["card", "manual"]);
    const removed = expectStatus(await store.admin(`/admin/regions/${chosen.id}/payment-providers/manual`, { method: "DELETE" }), 200).region;
    expect(ids(removed.payment_providers)).toEqual(["card"]);
    expect(await store.admin(`/admin/regions/${chosen.id}/payment-providers/card`, { method: "DELETE" })).toMatchObject({
      status: 422,
      body: { code: "region_provider_required" },
    });
    expect(await store.admin(`/admin/regions/${chosen.id}/payment-providers/manual`, { method: "DELETE" })).toMatchObject({ status: 404 });
    expect(await store.admin(`/admin/regions/${chosen.id}/payment-providers`, { body: { provider_id: "stripe" } })).toMatchObject({
      status: 404,
      body: { code: "payment_provider_not_found" },
    });
    expect((await store.admin(`/admin/regions/${chosen.id}/payment-providers`, { body: { provider_id: "card", extra: 1 } })).status).toBe(400);

    const fulfilment = expectStatus(await store.admin(`/admin/regions/${open.id}/fulfillment-providers/locker`, { method: "DELETE" }), 200).region;
    expect(ids(fulfilment.fulfillment_providers)).toEqual(["manual"]);
    expect(await store.admin(`/admin/regions/${open.id}/fulfillment-providers/manual`, { method: "DELETE" })).toMatchObject({
      status: 422,
      body: { code: "region_provider_required" },
    });
    const both = expectStatus(await store.admin(`/admin/regions/${open.id}/fulfillment-providers`, { body: { provider_id: "locker" } }), 200).region;
    expect(ids(both.fulfillment_providers)).toEqual(["locker", "manual"]);

    const updated = expectStatus(await store.admin(`/admin/regions/${open.id}`, { body: { payment_providers: ["card"] } }), 200).region;
    expect(ids(updated.payment_providers)).toEqual(["card"]);
    expect(await store.admin(`/admin/regions/${open.id}`, { body: { payment_providers: [] } })).toMatchObject({
      status: 422,
      body: { code: "region_provider_required" },
    });
    expect(ids(expectStatus(await store.request(`/store/regions/${open.id}`), 200).region.payment_providers)).toEqual(["card"]);
  });

  it("offers a cart only the sessions and shipping options of its region's providers", async () => {
    const region = await createRegion(store, { name: "Manual only", countries: ["is"], payment_providers: ["manual"] });
    const manual = await createShippingOption(store, region.id, 500);
    const locker = await createShippingOption(store, region.id, 300, { provider_id: "locker" });
    expectStatus(await store.admin(`/admin/regions/${region.id}/fulfillment-providers/locker`, { method: "DELETE" }), 200);
    const body = { name: "Locker 2", region_id: region.id, provider_id: "locker", price_type: "flat_rate", amount: 100 };
    expect(await store.admin("/admin/shipping-options", { body })).toMatchObject({
      status: 400,
      body: { code: "fulfillment_provider_not_in_region", field: "provider_id" },
    });
    const cart = await cartIn(region.id);

    const options = expectStatus(await store.request(`/store/shipping-options/${cart.id}`), 200).shipping_options;
    expect(options.map((o: { id: string }) => o.id)).toEqual([manual.id]);
    expect(await store.request(`/store/carts/${cart.id}/shipping-methods`, { body: { option_id: locker.id, data: { locker: "L12" } } })).toMatchObject({
      status: 422,
      body: { code: "shipping_option_unavailable" },
    });
    expect(expectStatus(await store.admin(`/admin/regions/${region.id}/fulfillment-options`), 200).fulfillment_options.map((o: any) => o.provider_id)).toEqual([
      "manual",
    ]);

    const sessions = expectStatus(await store.request(`/store/carts/${cart.id}/payment-sessions`, { method: "POST" }), 200).cart.payment_sessions;
    expect(sessions.map((s: { provider_id: string }) => s.provider_id)).toEqual(["manual"]);
    expect(await store.request(`/store/carts/${cart.id}/payment-session`, { body: { provider_id: "card" } })).toMatchObject({
      status: 404,
      body: { code: "payment_provider_not_found" },
    });

    expectStatus(await store.admin(`/admin/regions/${region.id}/fulfillment-providers`, { body: { provider_id: "locker" } }), 200);
    const both = expectStatus(await store.request(`/store/shipping-options/${cart.id}`), 200).shipping_options;
    expect(both.map((o: { id: string }) => o.id).sort()).toEqual([manual.id, locker.id].sort());
  });

  it("refreshes a cart's payment session: a new session, still selected", async () => {
    const region = await createRegion(store, { name: "Refresh", countries: ["ee"], payment_providers: ["manual"] });
    const cart = await cartIn(region.id);
    const before = expectStatus(await store.request(`/store/carts/${cart.id}/payment-sessions`, { method: "POST" }), 200).cart.payment_session;
    expect(before).toMatchObject({ provider_id: "manual", is_selected: true });
    const after = expectStatus(await store.request(`/store/carts/${cart.id}/payment-sessions/manual/refresh`, { method: "POST" }), 200).cart;
    expect(after.payment_sessions).toHaveLength(1);
    expect(after.payment_session).toMatchObject({ provider_id: "manual", is_selected: true });
    expect(after.payment_session.id).not.toBe(before.id);
    expect(await store.request(`/store/carts/${cart.id}/payment-sessions/card/refresh`, { method: "POST" })).toMatchObject({
      status: 404,
      body: { code: "payment_session_not_found" },
    });
  });
});
