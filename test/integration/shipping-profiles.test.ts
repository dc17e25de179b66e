import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("shipping profiles on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "shipping_profiles");
  });

  afterAll(async () => {
    await store?.close();
  });

  it("has the default and gift card profiles from the migration, which cannot be deleted or duplicated", async () => {
    const profiles = expectStatus(await store.admin("/admin/shipping-profiles"), 200).shipping_profiles;
    expect(profiles).toEqual([
      expect.objectContaining({ name: "Default Shipping Profile", type: "default", metadata: null }),
      expect.objectContaining({ name: "Gift Card Profile", type: "gift_card", metadata: null }),
    ]);
    for (const profile of profiles) {
      expect(profile.id).toMatch(/^sp_/);
      const res = await store.admin(`/admin/shipping-profiles/${profile.id}`, { method: "DELETE" });
      expect(res).toMatchObject({ status: 422, body: { type: "unprocessable", code: "profile_protected" } });
      const twin = await store.admin("/admin/shipping-profiles", { body: { name: "Another", type: profile.type } });
      expect(twin).toMatchObject({ status: 422, body: { code: "profile_type_taken" } });
      const retyped = await store.admin(`/admin/shipping-profiles/${profile.id}`, { body: { type: "custom" } });
      expect(retyped).toMatchObject({ status: 422, body: { code: "profile_type_fixed" } });
    }
    // A built-in profile may be renamed.
    const renamed = expectStatus(await store.admin(`/admin/shipping-profiles/${profiles[0].id}`, { body: { name: "Standard" } }), 200).shipping_profile;
    expect(renamed).toMatchObject({ id: profiles[0].id, name: "Standard", type: "default" });
    expect(expectStatus(await store.admin("/admin/shipping-profiles"), 200).shipping_profiles).toHaveLength(2);
  });

  it("creates, reads, updates and deletes a custom profile", async () => {
    const created = expectStatus(await store.admin("/admin/shipping-profiles", { body: { name: "Bulky", type: "custom", metadata: { a: 1 } } }), 200)
      .shipping_profile;
    expect(created).toMatchObject({ name: "Bulky", type: "custom", metadata: { a: 1 } });
    expect(expectStatus(await store.admin(`/admin/shipping-profiles/${created.id}`), 200).shipping_profile).toMatchObject({ id: created.id, name: "Bulky" });
    const updated = expectStatus(await store.admin(`/admin/shipping-profiles/${created.id}`, { body: { name: "Heavy", metadata: { b: 2 } } }), 200)
      .shipping_profile;
    expect(updated).toMatchObject({ id: created.id, name: "Heavy", type: "custom", metadata: { a: 1, b: 2 } });
    expect(expectStatus(await store.admin(`/admin/shipping-profiles/${created.id}`, { method: "DELETE" }), 200)).toEqual({
      id: created.id,
      object: "shipping_profile",
      deleted: true,
    });
    expect((await store.admin(`/admin/shipping-profiles/${created.id}`)).status).toBe(404);
    expect((await store.admin(`/admin/shipping-profiles/${created.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("refuses bad bodies with a 400, unknown profiles with a 404 and anonymous calls with a 401, changing nothing", async () => {
    const before = expectStatus(await store.admin("/admin/shipping-profiles"), 200).shipping_profiles;
    for (const body of [{ name: "x" }, { name: "", type: "custom" }, { name: "x", type: "special" }, { name: "x", type: "custom", products: ["prod_1"] }]) {
      const res = await store.admin("/admin/shipping-profiles", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", code: expect.any(String), message: expect.any(String) });
    }
    expect((await store.admin(`/admin/shipping-profiles/${before[0].id}`, { body: { shipping_options: ["so_1"] } })).status).toBe(400);
    expect(await store.admin("/admin/shipping-profiles/sp_missing", { body: { name: "x" } })).toMatchObject({ status: 404, body: { type: "not_found" } });
    expect((await store.request("/admin/shipping-profiles")).status).toBe(401);
    expect(expectStatus(await store.admin("/admin/shipping-profiles"), 200).shipping_profiles).toEqual(before);
  });
});
