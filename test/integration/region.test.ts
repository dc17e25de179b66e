import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("regions and currencies on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "region");
  });

  afterAll(async () => {
    await store?.close();
  });

  it("lists the ISO currencies with their minor units", async () => {
    const usd = await store.admin("/admin/currencies?code=usd");
    expect(usd.body.currencies).toEqual([
      expect.objectContaining({ code: "usd", name: "US Dollar", symbol: "$", decimal_digits: 2, includes_tax: false }),
    ]);
    const jpy = await store.admin("/admin/currencies?q=yen");
    expect(jpy.body.currencies.find((c: any) => c.code === "jpy")).toMatchObject({ decimal_digits: 0 });
    // A `%` or `_` typed into the search matches itself, not anything.
    expect((await store.admin("/admin/currencies?q=%25")).body.count).toBe(0);
    expect((await store.admin("/admin/currencies?q=_")).body.count).toBe(0);
    const all = await store.admin("/admin/currencies?limit=5");
    expect(all.body.count).toBeGreaterThan(100);
    expect(all.body.currencies).toHaveLength(5);
    const updated = await store.admin("/admin/currencies/eur", { body: { includes_tax: true } });
    expect(updated.body.currency).toMatchObject({ code: "eur", includes_tax: true });
    expect((await store.admin("/admin/currencies/xxq", { body: { includes_tax: true } })).status).toBe(404);
  });

  it("creates a region with its countries and serves it on the store API", async () => {
    const created = await store.admin("/admin/regions", {
      body: { name: "Europe", currency_code: "EUR", tax_rate: 25, countries: ["DE", "fr"] },
    });
    expect(created.status).toBe(200);
    const region = created.body.region;
    expect(region).toMatchObject({ name: "Europe", currency_code: "eur", tax_rate: 25, includes_tax: false });
    expect(region.id).toMatch(/^reg_/);
    expect(region.countries.map((c: any) => [c.iso_2, c.display_name])).toEqual([
      ["de", "Germany"],
      ["fr", "France"],
    ]);

    const list = await store.request("/store/regions");
    expect(list.body).toMatchObject({ count: 1, offset: 0, limit: 100 });
    expect(list.body.regions[0]).toMatchObject({ id: region.id, currency: { code: "eur" } });
    const one = await store.request(`/store/regions/${region.id}`);
    expect(one.body.region.countries).toHaveLength(2);
    expect((await store.request("/store/regions/reg_missing")).status).toBe(404);
  });

  it("keeps a country in one region and validates every field", async () => {
    const before = (await store.request("/store/regions")).body.count;
    const taken = await store.admin("/admin/regions", { body: { name: "DE again", currency_code: "eur", tax_rate: 0, countries: ["de"] } });
    expect(taken).toMatchObject({ status: 422, body: { type: "unprocessable", code: "country_in_other_region" } });
    const bad = [
      { name: "X", currency_code: "eur", tax_rate: 0, countries: ["zz"] },
      { name: "X", currency_code: "euro", tax_rate: 0, countries: [] },
      { name: "X", currency_code: "eur", tax_rate: -1, countries: [] },
      { name: "X", currency_code: "eur", tax_rate: "10", countries: [] },
      { name: "X", currency_code: "eur", tax_rate: 0, countries: ["se", "se"] },
      { name: "X", currency_code: "eur", tax_rate: 0, countries: [], color: "red" },
      { currency_code: "eur", tax_rate: 0, countries: [] },
    ];
    for (const body of bad) {
      const res = await store.admin("/admin/regions", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.type).toBe("invalid_data");
    }
    const currency = await store.admin("/admin/regions", { body: { name: "X", currency_code: "xqq", tax_rate: 0, countries: [] } });
    expect(currency.status).toBe(404);
    expect((await store.request("/store/regions")).body.count).toBe(before);
    for (const q of ["limit=0", "limit=5000", "offset=-2", "extra=1"]) {
      expect((await store.request(`/store/regions?${q}`)).status, q).toBe(400);
    }
  });

  it("updates, re-assigns countries, and deletes", async () => {
    const { region } = (await store.admin("/admin/regions", { body: { name: "Nordics", currency_code: "sek", tax_rate: 25, countries: ["se"] } })).body;
    const updated = await store.admin(`/admin/regions/${region.id}`, { body: { name: "Nordic", countries: ["se", "dk"], tax_rate: 12.5 } });
    expect(updated.body.region).toMatchObject({ name: "Nordic", tax_rate: 12.5 });
    expect(updated.body.region.countries.map((c: any) => c.iso_2)).toEqual(["dk", "se"]);
    const added = await store.admin(`/admin/regions/${region.id}/countries`, { body: { country_code: "NO" } });
    expect(added.body.region.countries.map((c: any) => c.iso_2)).toEqual(["dk", "no", "se"]);
    const removed = await store.admin(`/admin/regions/${region.id}/countries/dk`, { method: "DELETE" });
    expect(removed.body.region.countries.map((c: any) => c.iso_2)).toEqual(["no", "se"]);
    expect((await store.admin(`/admin/regions/${region.id}/countries/dk`, { method: "DELETE" })).status).toBe(404);

    const deleted = await store.admin(`/admin/regions/${region.id}`, { method: "DELETE" });
    expect(deleted.body).toEqual({ id: region.id, object: "region", deleted: true });
    expect((await store.request(`/store/regions/${region.id}`)).status).toBe(404);
    // Its countries are free again.
    const reuse = await store.admin("/admin/regions", { body: { name: "Sweden", currency_code: "sek", tax_rate: 25, countries: ["se"] } });
    expect(reuse.status).toBe(200);
  });
});
