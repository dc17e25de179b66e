import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegion, expectStatus, recordEvents } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

const codes = (store: { currencies: { code: string }[] }) => store.currencies.map((c) => c.code).sort();

describe.each(DATABASES)("the store's settings on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "store_settings");
  });

  afterAll(async () => {
    await store?.close();
  });

  it("answers the store the migration made, with Medusa's defaults and its currencies", async () => {
    const first = expectStatus(await store.admin("/admin/store"), 200).store;
    expect(first).toMatchObject({
      name: "Kiosk Store",
      default_currency_code: "usd",
      default_currency: { code: "usd", name: "US Dollar", decimal_digits: 2 },
      default_region_id: null,
      swap_link_template: null,
      payment_link_template: null,
      invite_link_template: null,
      metadata: null,
      payment_providers: [{ id: "manual", is_installed: true }],
      fulfillment_providers: [{ id: "manual", is_installed: true }],
    });
    expect(first.id).toMatch(/^store_/);
    expect(codes(first)).toEqual(["usd"]);
    expect(expectStatus(await store.admin("/admin/store"), 200).store.id).toBe(first.id);
    expect((await store.request("/admin/store")).status).toBe(401);
  });

  it("updates the name, templates, currencies, default currency and metadata, raising store.updated", async () => {
    const events = recordEvents(store);
    const region = await createRegion(store, { name: "Nordics", currency_code: "dkk", countries: ["dk"] });
    const updated = expectStatus(
      await store.admin("/admin/store", {
        body: {
          name: "Nordic Shop",
          swap_link_template: "https://shop.test/swaps/{cart_id}",
          payment_link_template: "https://shop.test/pay/{cart_id}",
          invite_link_template: "https://shop.test/invite?token={invite_token}",
          currencies: ["USD", "dkk", "eur"],
          default_currency_code: "DKK",
          default_region_id: region.id,
          metadata: { theme: "dark" },
        },
      }),
      200,
    ).store;
    expect(updated).toMatchObject({
      name: "Nordic Shop",
      default_currency_code: "dkk",
      default_currency: { code: "dkk" },
      default_region_id: region.id,
      invite_link_template: "https://shop.test/invite?token={invite_token}",
      metadata: { theme: "dark" },
    });
    expect(codes(updated)).toEqual(["dkk", "eur", "usd"]);
    await events.drain();
    expect(events.messages.filter((m) => m.name === "store.updated").map((m) => m.data)).toEqual([{ id: updated.id }]);

    // Metadata merges; a template can be cleared.
    const again = expectStatus(await store.admin("/admin/store", { body: { metadata: { lang: "da" }, swap_link_template: null } }), 200).store;
    expect(again).toMatchObject({ metadata: { theme: "dark", lang: "da" }, swap_link_template: null, name: "Nordic Shop" });
    expect(expectStatus(await store.admin("/admin/store"), 200).store).toMatchObject({ name: "Nordic Shop", default_currency_code: "dkk" });
  });

  it("adds and removes a currency by its code, and keeps the default currency", async () => {
    const added = expectStatus(await store.admin("/admin/store/currencies/SEK", { method: "POST" }), 200).store;
    expect(codes(added)).toContain("sek");
    // Adding it again changes nothing.
    expect(codes(expectStatus(await store.admin("/admin/store/currencies/sek", { method: "POST" }), 200).store)).toEqual(codes(added));
    const removed = expectStatus(await store.admin("/admin/store/currencies/sek", { method: "DELETE" }), 200).store;
    expect(codes(removed)).not.toContain("sek");
    // Removing one the store does not have changes nothing.
    expect(codes(expectStatus(await store.admin("/admin/store/currencies/jpy", { method: "DELETE" }), 200).store)).toEqual(codes(removed));

    const defaultCode = removed.default_currency_code;
    const refused = await store.admin(`/admin/store/currencies/${defaultCode}`, { method: "DELETE" });
    expect(refused).toMatchObject({ status: 422, body: { type: "unprocessable", code: "default_currency_required" } });
    expect((await store.admin("/admin/store/currencies/xxx", { method: "POST" })).body).toMatchObject({ type: "not_found", code: "currency_not_found" });
    expect(codes(expectStatus(await store.admin("/admin/store"), 200).store)).toEqual(codes(removed));
  });

  it("refuses bad settings with a 4xx and changes nothing", async () => {
    const before = expectStatus(await store.admin("/admin/store"), 200).store;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ currencies: ["usd", "eur"] }, 422, "default_currency_required"],
      [{ default_currency_code: "jpy" }, 422, "currency_not_in_store"],
      [{ currencies: ["dkk", "nope"] }, 404, "currency_not_found"],
      [{ default_region_id: "reg_missing" }, 404, "not_found"],
      [{ name: "" }, 400, "too_small"],
      [{ currencies: "dkk" }, 400, "invalid_type"],
      [{ id: "store_other" }, 400, "unrecognized_keys"],
    ];
    for (const [body, status, code] of cases) {
      const res = await store.admin("/admin/store", { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body, JSON.stringify(body)).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
      if (status !== 400) expect(res.body.code, JSON.stringify(body)).toBe(code);
    }
    const after = expectStatus(await store.admin("/admin/store"), 200).store;
    expect({ ...after, updated_at: null }).toEqual({ ...before, updated_at: null });
  });

  it("lists the installed payment providers and the built-in tax provider", async () => {
    expect(expectStatus(await store.admin("/admin/store/payment-providers"), 200)).toEqual({ payment_providers: [{ id: "manual", is_installed: true }] });
    expect(expectStatus(await store.admin("/admin/store/tax-providers"), 200)).toEqual({ tax_providers: [{ id: "system", is_installed: true }] });
  });

  // Currency changes lock the store's row (tagged `race`): on SQLite transactions
  // take turns, so this cannot fail there; on PostgreSQL, without the lock, two of
  // the additions would both find the currency missing and the second insert would
  // fail on the primary key.
  it("answers concurrent additions of one currency alike, adding it once (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => store.admin("/admin/store/currencies/nok", { method: "POST" })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(codes(expectStatus(await store.admin("/admin/store"), 200).store).filter((c) => c === "nok")).toEqual(["nok"]);
  });
});
