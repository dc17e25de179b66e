import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { expectStatus, recordEvents } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("stock locations on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;

  beforeAll(async () => {
    store = await startStore(name, "stock_locations");
    events = recordEvents(store);
  });
  afterAll(() => store?.close());

  const location = async (body: Record<string, unknown>) => expectStatus(await store.admin("/admin/stock-locations", { body }), 200).stock_location;

  it("creates, lists, reads, updates and deletes locations with their addresses", async () => {
    const address = { address_1: "1 Harbour St", city: "Aarhus", country_code: "DK", postal_code: "8000" };
    const warehouse = await location({ name: "Warehouse", address, metadata: { dock: 3 } });
    expect(warehouse.id).toMatch(/^sloc_/);
    expect(warehouse).toMatchObject({ name: "Warehouse", metadata: { dock: 3 }, address: { ...address, country_code: "dk", company: null } });
    expect(warehouse.address_id).toBe(warehouse.address.id);
    const shop = await location({ name: "Shop" });
    expect(shop).toMatchObject({ address_id: null, address: null, metadata: null });

    const listed = expectStatus(await store.admin("/admin/stock-locations?limit=10"), 200);
    expect(listed).toMatchObject({ count: 2, offset: 0, limit: 10 });
    expect(listed.stock_locations.map((l: { id: string }) => l.id)).toEqual([warehouse.id, shop.id]);
    expect(expectStatus(await store.admin("/admin/stock-locations?q=ware"), 200).stock_locations.map((l: { id: string }) => l.id)).toEqual([warehouse.id]);
    expect(expectStatus(await store.admin(`/admin/stock-locations?id=${shop.id}`), 200).count).toBe(1);
    expect(expectStatus(await store.admin("/admin/stock-locations?order=-name"), 200).stock_locations[0].id).toBe(warehouse.id);

    const updated = expectStatus(
      await store.admin(`/admin/stock-locations/${warehouse.id}`, { body: { name: "Main warehouse", address: { address_1: "2 Harbour St", country_code: "dk" }, metadata: { gate: "B" } } }),
      200,
    ).stock_location;
    expect(updated).toMatchObject({ name: "Main warehouse", metadata: { dock: 3, gate: "B" }, address: { id: warehouse.address.id, address_1: "2 Harbour St", city: "Aarhus" } });
    const moved = expectStatus(await store.admin(`/admin/stock-locations/${shop.id}`, { body: { address_id: warehouse.address.id } }), 200).stock_location;
    expect(moved.address.address_1).toBe("2 Harbour St");
    expect(expectStatus(await store.admin(`/admin/stock-locations/${warehouse.id}`), 200).stock_location.name).toBe("Main warehouse");

    expect(expectStatus(await store.admin(`/admin/stock-locations/${shop.id}`, { method: "DELETE" }), 200)).toEqual({ id: shop.id, object: "stock_location", deleted: true });
    expect((await store.admin(`/admin/stock-locations/${shop.id}`)).status).toBe(404);
    await events.drain();
    expect(events.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "stock-location.created", data: { id: warehouse.id } }),
        expect.objectContaining({ name: "stock-location.updated", data: { id: warehouse.id } }),
        expect.objectContaining({ name: "stock-location.deleted", data: { id: shop.id } }),
      ]),
    );
  });

  it("answers bad input with 4xx", async () => {
    const missing = expectStatus(await store.admin("/admin/stock-locations/sloc_missing"), 404);
    expect(missing).toMatchObject({ type: "not_found", code: "stock_location_not_found", message: expect.any(String) });
    expect((await store.admin("/admin/stock-locations/sloc_missing", { method: "DELETE" })).status).toBe(404);
    expect((await store.admin("/admin/stock-locations/sloc_missing", { body: { name: "x" } })).status).toBe(404);
    for (const body of [{}, { name: "" }, { name: "X", unknown: 1 }, { name: "X", address: { city: "No street" } }, { name: "X", address: { address_1: "a", country_code: "DNK" } }]) {
      const res = await store.admin("/admin/stock-locations", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", message: expect.any(String) });
    }
    expect((await store.admin("/admin/stock-locations", { body: { name: "X", address_id: "laddr_missing" } })).status).toBe(404);
    expect((await store.admin("/admin/stock-locations?order=metadata")).status).toBe(400);
    expect((await store.admin("/admin/stock-locations?limit=0")).status).toBe(400);
    expect((await store.request("/admin/stock-locations")).status).toBe(401);
  });

  it("links locations to sales channels, shows them with expand=locations, unlinks them, and forgets them with a deleted location or channel", async () => {
    const channel = expectStatus(await store.admin("/admin/sales-channels", { body: { name: "App" } }), 200).sales_channel;
    const north = await location({ name: "North" });
    const south = await location({ name: "South" });
    const linked = expectStatus(await store.admin(`/admin/sales-channels/${channel.id}/stock-locations`, { body: { location_id: north.id } }), 200).sales_channel;
    expect(linked.id).toBe(channel.id);
    expect(linked.locations).toEqual([expect.objectContaining({ sales_channel_id: channel.id, location_id: north.id })]);
    // Linking twice changes nothing.
    expectStatus(await store.admin(`/admin/sales-channels/${channel.id}/stock-locations`, { body: { location_id: north.id } }), 200);
    expectStatus(await store.admin(`/admin/sales-channels/${channel.id}/stock-locations`, { body: { location_id: south.id } }), 200);
    const expanded = expectStatus(await store.admin(`/admin/sales-channels/${channel.id}?expand=locations`), 200).sales_channel;
    expect(expanded.locations.map((l: { location_id: string }) => l.location_id).sort()).toEqual([north.id, south.id].sort());
    expect(expectStatus(await store.admin(`/admin/sales-channels/${channel.id}`), 200).sales_channel.locations).toBeUndefined();
    const inList = expectStatus(await store.admin(`/admin/sales-channels?expand=locations&id=${channel.id}`), 200).sales_channels[0];
    expect(inList.locations).toHaveLength(2);
    const served = expectStatus(await store.admin(`/admin/stock-locations/${north.id}?expand=address,sales_channels`), 200).stock_location;
    expect(served.sales_channels).toEqual([expect.objectContaining({ id: channel.id, name: "App" })]);
    const listedServed = expectStatus(await store.admin(`/admin/stock-locations?expand=sales_channels&id=${south.id}`), 200).stock_locations;
    expect(listedServed[0].sales_channels.map((c: { id: string }) => c.id)).toEqual([channel.id]);
    expect(expectStatus(await store.admin(`/admin/stock-locations/${north.id}`), 200).stock_location.sales_channels).toBeUndefined();

    expect(expectStatus(await store.admin(`/admin/sales-channels/${channel.id}/stock-locations`, { method: "DELETE", body: { location_id: south.id } }), 200)).toEqual({
      id: south.id,
      object: "stock-location",
      deleted: true,
    });
    expect(expectStatus(await store.admin(`/admin/sales-channels/${channel.id}?expand=locations`), 200).sales_channel.locations).toHaveLength(1);
    expectStatus(await store.admin(`/admin/stock-locations/${north.id}`, { method: "DELETE" }), 200);
    expect(expectStatus(await store.admin(`/admin/sales-channels/${channel.id}?expand=locations`), 200).sales_channel.locations).toEqual([]);

    expectStatus(await store.admin(`/admin/sales-channels/${channel.id}/stock-locations`, { body: { location_id: south.id } }), 200);
    expectStatus(await store.admin(`/admin/sales-channels/${channel.id}`, { method: "DELETE" }), 200);
    const other = expectStatus(await store.admin("/admin/sales-channels", { body: { name: "Other" } }), 200).sales_channel;
    expectStatus(await store.admin(`/admin/sales-channels/${other.id}/stock-locations`, { body: { location_id: south.id } }), 200);
    expect(expectStatus(await store.admin(`/admin/sales-channels/${other.id}?expand=locations`), 200).sales_channel.locations).toHaveLength(1);

    expect((await store.admin(`/admin/sales-channels/${other.id}/stock-locations`, { body: { location_id: "sloc_missing" } })).status).toBe(404);
    expect((await store.admin(`/admin/sales-channels/sc_missing/stock-locations`, { body: { location_id: south.id } })).status).toBe(400);
    expect((await store.admin(`/admin/sales-channels/${other.id}/stock-locations`, { body: {} })).status).toBe(400);
  });
});
