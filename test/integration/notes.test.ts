import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { expectStatus } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("admin notes on $name", ({ name }) => {
  let store: Store;
  let userId: string;

  beforeAll(async () => {
    store = await startStore(name, "notes");
    userId = expectStatus(await store.admin("/admin/auth"), 200).user.id;
  });

  afterAll(async () => {
    await store?.close();
  });

  it("creates, lists, reads, updates and deletes notes, written by the signed-in user", async () => {
    const first = expectStatus(
      await store.admin("/admin/notes", { body: { resource_id: "order_1", resource_type: "order", value: "Called the customer" } }),
      200,
    ).note;
    expect(first).toMatchObject({ resource_id: "order_1", resource_type: "order", value: "Called the customer", author_id: userId, metadata: null });
    expect(first.id).toMatch(/^note_/);
    const second = expectStatus(await store.admin("/admin/notes", { body: { resource_id: "order_1", resource_type: "order", value: "Gift wrap" } }), 200).note;
    expectStatus(await store.admin("/admin/notes", { body: { resource_id: "cus_1", resource_type: "customer", value: "VIP" } }), 200);

    const forOrder = expectStatus(await store.admin("/admin/notes?resource_id=order_1"), 200);
    expect(forOrder).toMatchObject({ count: 2, offset: 0, limit: 50 });
    expect(forOrder.notes.map((n: { id: string }) => n.id)).toEqual([second.id, first.id]);
    const page = expectStatus(await store.admin("/admin/notes?limit=1&offset=1"), 200);
    expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 });
    expect(page.notes).toHaveLength(1);

    expect(expectStatus(await store.admin(`/admin/notes/${first.id}`), 200).note).toMatchObject({ id: first.id, value: "Called the customer" });
    const updated = expectStatus(await store.admin(`/admin/notes/${first.id}`, { body: { value: "Called twice" } }), 200).note;
    expect(updated).toMatchObject({ id: first.id, value: "Called twice", resource_id: "order_1", author_id: userId });

    expect(expectStatus(await store.admin(`/admin/notes/${first.id}`, { method: "DELETE" }), 200)).toEqual({ id: first.id, object: "note", deleted: true });
    expect((await store.admin(`/admin/notes/${first.id}`)).status).toBe(404);
    expect(expectStatus(await store.admin("/admin/notes?resource_id=order_1"), 200).count).toBe(1);
  });

  it("refuses bad input with a 400 and unknown notes with a 404, changing nothing", async () => {
    const before = expectStatus(await store.admin("/admin/notes"), 200).count;
    const bad = [
      { resource_id: "order_1", resource_type: "order", value: "" },
      { resource_id: "order_1", resource_type: "order", value: "   " },
      { resource_id: "order_1", resource_type: "order" },
      { resource_id: "", resource_type: "order", value: "x" },
      { resource_id: "order_1", resource_type: "order", value: "x", author_id: "usr_other" },
      { resource_id: "order_1", resource_type: "order", value: 5 },
    ];
    for (const body of bad) {
      const res = await store.admin("/admin/notes", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", code: expect.any(String), message: expect.any(String) });
    }
    const note = expectStatus(await store.admin("/admin/notes", { body: { resource_id: "order_2", resource_type: "order", value: "keep" } }), 200).note;
    expect((await store.admin(`/admin/notes/${note.id}`, { body: { value: "" } })).status).toBe(400);
    expect((await store.admin(`/admin/notes/${note.id}`, { body: { value: "x", resource_id: "other" } })).status).toBe(400);
    expect((await store.admin("/admin/notes?limit=0")).status).toBe(400);
    expect((await store.admin("/admin/notes?colour=red")).status).toBe(400);
    expect(expectStatus(await store.admin(`/admin/notes/${note.id}`), 200).note.value).toBe("keep");

    for (const [path, init] of [
      ["/admin/notes/note_missing", {}],
      ["/admin/notes/note_missing", { body: { value: "x" } }],
      ["/admin/notes/note_missing", { method: "DELETE" }],
    ] as const) {
      const res = await store.admin(path, init);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ type: "not_found", message: expect.any(String) });
    }
    expect(expectStatus(await store.admin("/admin/notes"), 200).count).toBe(before + 1);
  });

  it("is for admins only", async () => {
    const note = expectStatus(await store.admin("/admin/notes", { body: { resource_id: "order_3", resource_type: "order", value: "secret" } }), 200).note;
    expect((await store.request("/admin/notes")).status).toBe(401);
    expect((await store.request(`/admin/notes/${note.id}`)).status).toBe(401);
    expect((await store.request("/admin/notes", { body: { resource_id: "order_3", resource_type: "order", value: "x" } })).status).toBe(401);
    expect((await store.request(`/admin/notes/${note.id}`, { method: "DELETE" })).status).toBe(401);
    expect(expectStatus(await store.admin(`/admin/notes/${note.id}`), 200).note.value).toBe("secret");
  });
});
