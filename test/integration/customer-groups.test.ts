import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { expectStatus, recordEvents } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("customer groups on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let n = 0;

  async function customer(): Promise<string> {
    const body = { email: `member${++n}@kiosk.test`, password: "longenough", first_name: "Mem", last_name: `Ber${n}` };
    return expectStatus(await store.admin("/admin/customers", { body }), 200).customer.id;
  }
  const group = async (groupName: string) => expectStatus(await store.admin("/admin/customer-groups", { body: { name: groupName } }), 200).customer_group;
  const members = async (id: string) =>
    expectStatus(await store.admin(`/admin/customer-groups/${id}/customers`), 200).customers.map((c: { id: string }) => c.id).sort();

  beforeAll(async () => {
    store = await startStore(name, "customer_groups");
    events = recordEvents(store);
  });
  afterAll(() => store?.close());

  it("creates, lists, reads, renames and soft-deletes groups; a deleted group's name is free again", async () => {
    const vip = expectStatus(await store.admin("/admin/customer-groups", { body: { name: "VIP", metadata: { tier: 1 } } }), 200).customer_group;
    expect(vip).toMatchObject({ name: "VIP", metadata: { tier: 1 }, deleted_at: null });
    expect(vip.id).toMatch(/^cgrp_/);
    const wholesale = await group("Wholesale");
    const duplicate = await store.admin("/admin/customer-groups", { body: { name: "VIP" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: "duplicate_error" });

    const listed = expectStatus(await store.admin("/admin/customer-groups?limit=50"), 200);
    expect(listed).toMatchObject({ offset: 0, limit: 50 });
    expect(listed.customer_groups.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([vip.id, wholesale.id]));
    const searched = expectStatus(await store.admin("/admin/customer-groups?q=whole"), 200);
    expect(searched.customer_groups.map((g: { id: string }) => g.id)).toEqual([wholesale.id]);
    const byName = expectStatus(await store.admin("/admin/customer-groups?order=name&q=i"), 200);
    expect(byName.customer_groups[0].name).toBe("VIP");

    expect(expectStatus(await store.admin(`/admin/customer-groups/${vip.id}`), 200).customer_group).toMatchObject({ id: vip.id, name: "VIP" });
    const renamed = expectStatus(await store.admin(`/admin/customer-groups/${vip.id}`, { body: { name: "Gold", metadata: { since: 2024 } } }), 200)
      .customer_group;
    expect(renamed).toMatchObject({ id: vip.id, name: "Gold", metadata: { tier: 1, since: 2024 } });
    expect((await store.admin(`/admin/customer-groups/${vip.id}`, { body: { name: "Wholesale" } })).status).toBe(409);

    await events.drain();
    const before = events.names.length;
    expect(expectStatus(await store.admin(`/admin/customer-groups/${wholesale.id}`, { method: "DELETE" }), 200)).toEqual({
      id: wholesale.id,
      object: "customer_group",
      deleted: true,
    });
    await events.drain();
    expect(events.names.slice(before)).toEqual(["customer-group.deleted"]);
    expect((await store.admin(`/admin/customer-groups/${wholesale.id}`)).status).toBe(404);
    expect((await store.admin(`/admin/customer-groups/${wholesale.id}`, { method: "DELETE" })).status).toBe(404);
    expect(expectStatus(await store.admin("/admin/customer-groups?q=whole"), 200).count).toBe(0);
    expect((await group("Wholesale")).id).not.toBe(wholesale.id);
    expect(events.names).toEqual(expect.arrayContaining(["customer-group.created", "customer-group.updated"]));
  });

  it("adds and removes customers in batches, shows them on the customer, and lets them go when the group is deleted", async () => {
    const friends = await group("Friends");
    const family = await group("Family");
    const [a, b, c] = [await customer(), await customer(), await customer()];
    const batch = (ids: string[]) => ({ customer_ids: ids.map((id) => ({ id })) });

    expectStatus(await store.admin(`/admin/customer-groups/${friends.id}/customers/batch`, { body: batch([a, b, a]) }), 200);
    expectStatus(await store.admin(`/admin/customer-groups/${friends.id}/customers/batch`, { body: batch([b, c]) }), 200);
    expect(await members(friends.id)).toEqual([a, b, c].sort());
    const page = expectStatus(await store.admin(`/admin/customer-groups/${friends.id}/customers?limit=2&q=member`), 200);
    expect(page).toMatchObject({ count: 3, limit: 2 });
    expect(page.customers).toHaveLength(2);

    // An unknown customer refuses the whole batch.
    const unknown = await store.admin(`/admin/customer-groups/${family.id}/customers/batch`, { body: batch([a, "cus_missing"]) });
    expect(unknown.status).toBe(404);
    expect(await members(family.id)).toEqual([]);

    const removed = await store.admin(`/admin/customer-groups/${friends.id}/customers/batch`, { method: "DELETE", body: batch([b, "cus_never"]) });
    expectStatus(removed, 200);
    expect(await members(friends.id)).toEqual([a, c].sort());

    // The customer's side: `expand=groups` and `groups` in the update body.
    const shown = expectStatus(await store.admin(`/admin/customers/${a}?expand=groups`), 200).customer;
    expect(shown.groups.map((g: { id: string }) => g.id)).toEqual([friends.id]);
    expect(expectStatus(await store.admin(`/admin/customers/${a}`), 200).customer.groups).toBeUndefined();
    const moved = expectStatus(await store.admin(`/admin/customers/${a}`, { body: { groups: [{ id: family.id }] } }), 200).customer;
    expect(moved.groups.map((g: { id: string }) => g.id)).toEqual([family.id]);
    expect(await members(friends.id)).toEqual([c]);
    expect(await members(family.id)).toEqual([a]);
    const refused = await store.admin(`/admin/customers/${a}`, { body: { first_name: "Changed", groups: [{ id: "cgrp_missing" }] } });
    expect(refused.status).toBe(404);
    const still = expectStatus(await store.admin(`/admin/customers/${a}?expand=groups`), 200).customer;
    expect(still.first_name).not.toBe("Changed");
    expect(still.groups.map((g: { id: string }) => g.id)).toEqual([family.id]);
    const listed = expectStatus(await store.admin(`/admin/customers?expand=groups&q=member`), 200).customers;
    expect(listed.find((x: { id: string }) => x.id === c).groups.map((g: { id: string }) => g.id)).toEqual([friends.id]);

    expectStatus(await store.admin(`/admin/customer-groups/${family.id}`, { method: "DELETE" }), 200);
    expect(expectStatus(await store.admin(`/admin/customers/${a}?expand=groups`), 200).customer.groups).toEqual([]);
    expect((await store.admin(`/admin/customer-groups/${family.id}/customers`)).status).toBe(404);
    expect((await store.admin(`/admin/customer-groups/${family.id}/customers/batch`, { body: batch([a]) })).status).toBe(404);
  });

  it("refuses bad input with a 4xx and changes nothing", async () => {
    const g = await group("Strict");
    for (const body of [{}, { name: "" }, { name: "   " }, { name: 5 }, { name: "x", colour: "red" }]) {
      const res = await store.admin("/admin/customer-groups", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", code: expect.any(String), message: expect.any(String) });
    }
    for (const body of [{}, { customer_ids: [] }, { customer_ids: ["cus_1"] }, { customer_ids: [{ id: "" }] }, { customer_ids: [{ id: "a", x: 1 }] }]) {
      expect((await store.admin(`/admin/customer-groups/${g.id}/customers/batch`, { body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await store.admin(`/admin/customer-groups?order=colour`)).status).toBe(400);
    expect((await store.admin(`/admin/customer-groups/cgrp_missing`, { body: { name: "x" } })).status).toBe(404);
    expect(expectStatus(await store.admin(`/admin/customer-groups/${g.id}`), 200).customer_group.name).toBe("Strict");
    expect((await store.request(`/admin/customer-groups`)).status).toBe(401);
  });

  it("answers racing batches adding the same customers with one membership each (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite this cannot fail (transactions take turns); on PostgreSQL the group's row is locked and the insert skips existing pairs.
    const racing = await group("Racing");
    const ids = [await customer(), await customer()];
    const body = { customer_ids: ids.map((id) => ({ id })) };
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => store.admin(`/admin/customer-groups/${racing.id}/customers/batch`, { body })),
      store.admin(`/admin/customers/${ids[0]}`, { body: { groups: [{ id: racing.id }] } }),
    ]);
    for (const res of results) expectStatus(res, 200);
    expect(expectStatus(await store.admin(`/admin/customer-groups/${racing.id}/customers`), 200).count).toBe(2);
  });
});
