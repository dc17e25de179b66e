import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegion, expectStatus } from "../helpers/checkout";
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
