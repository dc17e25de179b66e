import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvents } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("return reasons on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;

  const create = (body: unknown) => store.admin("/admin/return-reasons", { body });
  const liveCount = async () => {
    const list = (await store.request("/store/return-reasons")).body.return_reasons as any[];
    return list.reduce((n, r) => n + 1 + r.return_reason_children.length, 0);
  };

  beforeAll(async () => {
    store = await startStore(name, "return_reasons");
    events = recordEvents(store);
  });
  afterAll(async () => {
    await store?.close();
  });

  it("creates reasons with children and serves them on both APIs", async () => {
    const parent = await create({ value: "wrong_size", label: "Wrong size", metadata: { a: 1 } });
    expect(parent.status).toBe(200);
    expect(parent.body.return_reason).toMatchObject({
      value: "wrong_size",
      label: "Wrong size",
      description: null,
      parent_return_reason_id: null,
      parent_return_reason: null,
      return_reason_children: [],
      metadata: { a: 1 },
      deleted_at: null,
    });
    const parentId = parent.body.return_reason.id;
    expect(parentId).toMatch(/^rr_/);

    const small = await create({ value: "too_small", label: "Too small", description: "Runs small", parent_return_reason_id: parentId });
    expect(small.status).toBe(200);
    expect(small.body.return_reason).toMatchObject({
      parent_return_reason_id: parentId,
      parent_return_reason: { id: parentId, value: "wrong_size" },
      description: "Runs small",
    });
    await create({ value: "too_large", label: "Too large", parent_return_reason_id: parentId });
    const other = await create({ value: "damaged", label: "Damaged", parent_return_reason_id: "" });
    expect(other.body.return_reason.parent_return_reason_id).toBeNull();

    for (const path of ["/store/return-reasons", "/admin/return-reasons"]) {
      const list = await store.admin(path);
      expect(list.status).toBe(200);
      expect(Object.keys(list.body)).toEqual(["return_reasons"]);
      // Top-level only, newest first, each with its children.
      expect(list.body.return_reasons.map((r: any) => r.value)).toEqual(["damaged", "wrong_size"]);
      expect(list.body.return_reasons[1].return_reason_children.map((c: any) => c.value)).toEqual(["too_small", "too_large"]);
    }
    for (const path of [`/store/return-reasons/${parentId}`, `/admin/return-reasons/${parentId}`]) {
      const one = await store.admin(path);
      expect(one.status).toBe(200);
      expect(one.body.return_reason.return_reason_children).toHaveLength(2);
    }
    await events.drain();
    expect(events.names.filter((n) => n === "return-reason.created")).toHaveLength(4);
  });

  it("updates label, description and metadata, and nothing else", async () => {
    const { id } = (await create({ value: "late", label: "Late", metadata: { keep: 1, drop: 2 } })).body.return_reason;
    const updated = await store.admin(`/admin/return-reasons/${id}`, {
      body: { label: "Arrived late", description: "After the date", metadata: { drop: "", add: 3 } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.return_reason).toMatchObject({ id, value: "late", label: "Arrived late", description: "After the date", metadata: { keep: 1, add: 3 } });
    const cleared = await store.admin(`/admin/return-reasons/${id}`, { body: { description: null } });
    expect(cleared.body.return_reason).toMatchObject({ description: null, label: "Arrived late" });
    for (const body of [{ value: "other" }, { parent_return_reason_id: id }, { label: "" }, { label: 5 }, { color: "red" }]) {
      const res = await store.admin(`/admin/return-reasons/${id}`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", code: expect.any(String), message: expect.any(String) });
    }
    expect((await store.admin(`/admin/return-reasons/${id}`)).body.return_reason).toMatchObject({ value: "late", label: "Arrived late" });
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "return-reason.updated", data: { id } }));
  });

  it("refuses a duplicate value, an unknown parent and a second level, changing nothing", async () => {
    const before = await liveCount();
    const duplicate = await create({ value: "wrong_size", label: "Again" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ type: "conflict", code: "duplicate_error", message: expect.stringContaining("wrong_size") });

    const unknown = await create({ value: "orphan", label: "Orphan", parent_return_reason_id: "rr_missing" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: "not_found", code: "parent_return_reason_not_found" });

    const child = (await store.admin("/admin/return-reasons")).body.return_reasons.find((r: any) => r.value === "wrong_size").return_reason_children[0];
    const deep = await create({ value: "grandchild", label: "Too deep", parent_return_reason_id: child.id });
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ type: "invalid_data", code: "return_reason_too_deep" });
    expect(await liveCount()).toBe(before);
  });

  it("refuses malformed bodies at the edge and in the schema with a 400", async () => {
    const before = await liveCount();
    const bad: unknown[] = [
      {},
      { value: "x" },
      { label: "x" },
      { value: "", label: "x" },
      { value: "x", label: "x", extra: 1 },
      { value: 5, label: "x" },
      { value: "a\u0000b", label: "x" },
      { value: "x", label: "a\u0000b" },
      { value: "x", label: "x", metadata: { k: "\u0000" } },
      { value: "x", label: "\ud800" },
      { value: "x".repeat(100_000), label: "x" },
      { value: "x", label: "x".repeat(100_000) },
      { value: "x", label: "x", description: "d".repeat(100_000) },
      { value: "x", label: "x", metadata: "nope" },
    ];
    for (const body of bad) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", code: expect.any(String), message: expect.any(String) });
    }
    const nulPath = await store.admin("/admin/return-reasons/rr_%00");
    expect(nulPath.status).toBe(400);
    expect(await liveCount()).toBe(before);
  });

  it("answers 404 with a code for an unknown id, and 401 on admin routes without a token", async () => {
    for (const [method, path] of [
      ["GET", "/store/return-reasons/rr_missing"],
      ["GET", "/admin/return-reasons/rr_missing"],
      ["POST", "/admin/return-reasons/rr_missing"],
      ["DELETE", "/admin/return-reasons/rr_missing"],
    ]) {
      const res = await store.admin(path, { method, body: method === "POST" ? { label: "x" } : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toMatchObject({ type: "not_found", code: "not_found", message: expect.any(String) });
    }
    const anyId = (await store.request("/store/return-reasons")).body.return_reasons[0].id;
    for (const [method, path, body] of [
      ["GET", "/admin/return-reasons"],
      ["POST", "/admin/return-reasons", { value: "anon", label: "Anon" }],
      ["GET", `/admin/return-reasons/${anyId}`],
      ["POST", `/admin/return-reasons/${anyId}`, { label: "Anon" }],
      ["DELETE", `/admin/return-reasons/${anyId}`],
    ] as [string, string, unknown?][]) {
      const res = await store.request(path, { method, body });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect((await store.request(`/store/return-reasons/${anyId}`)).status).toBe(200);
  });

  it("soft-deletes a reason with its children and frees their values", async () => {
    const parent = (await create({ value: "quality", label: "Quality" })).body.return_reason;
    const child = (await create({ value: "stain", label: "Stain", parent_return_reason_id: parent.id })).body.return_reason;
    const deleted = await store.admin(`/admin/return-reasons/${parent.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: parent.id, object: "return_reason", deleted: true });
    for (const id of [parent.id, child.id]) {
      expect((await store.request(`/store/return-reasons/${id}`)).status).toBe(404);
      expect((await store.admin(`/admin/return-reasons/${id}`)).status).toBe(404);
    }
    expect((await store.admin(`/admin/return-reasons/${parent.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await store.request("/store/return-reasons")).body.return_reasons.map((r: any) => r.value)).not.toContain("quality");
    // The rows stay, marked deleted.
    const rows = await store.server.kernel.container
      .resolve<any>("dataSource")
      .query(`SELECT "id", "deleted_at" FROM "return_reason" WHERE "value" IN ('quality', 'stain')`);
    expect(rows).toHaveLength(2);
    expect(rows.every((r: any) => r.deleted_at !== null)).toBe(true);
    // A deleted reason cannot be a parent; its value can be used again.
    const under = await create({ value: "stain2", label: "Stain", parent_return_reason_id: parent.id });
    expect(under.body).toMatchObject({ code: "parent_return_reason_not_found" });
    const again = await create({ value: "quality", label: "Quality again" });
    expect(again.status).toBe(200);
    expect(again.body.return_reason.id).not.toBe(parent.id);
    await events.drain();
    expect(events.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "return-reason.deleted", data: { id: parent.id } }),
        expect.objectContaining({ name: "return-reason.deleted", data: { id: child.id } }),
      ]),
    );

    // Deleting a child leaves its parent.
    const kept = (await create({ value: "fit", label: "Fit" })).body.return_reason;
    const loose = (await create({ value: "loose", label: "Loose", parent_return_reason_id: kept.id })).body.return_reason;
    expect((await store.admin(`/admin/return-reasons/${loose.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await store.request(`/store/return-reasons/${kept.id}`)).body.return_reason.return_reason_children).toEqual([]);
  });

  it(`lets exactly one of two concurrent creates of a value through${name === "sqlite" ? " (SQLite serializes writers: no race)" : ""}`, async () => {
    for (let round = 0; round < 5; round++) {
      const value = `race_${round}`;
      const results = await Promise.all([create({ value, label: "A" }), create({ value, label: "B" })]);
      expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.body))).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body).toMatchObject({ type: "conflict", code: "duplicate_error" });
      const rows = await store.server.kernel.container
        .resolve<any>("dataSource")
        .query(name === "postgres" ? `SELECT "id" FROM "return_reason" WHERE "value" = $1` : `SELECT "id" FROM "return_reason" WHERE "value" = ?`, [value]);
      expect(rows).toHaveLength(1);
    }
  });

  it("holds the value unique among live reasons in the database itself (a partial unique index)", async () => {
    const db = store.server.kernel.container.resolve<any>("dataSource");
    const p = (i: number) => (name === "postgres" ? `$${i}` : "?");
    const insert = (id: string, value: string, deletedAt: Date | null) =>
      db.query(
        `INSERT INTO "return_reason" ("id", "value", "label", "created_at", "updated_at", "deleted_at") VALUES (${p(1)}, ${p(2)}, 'x', ${p(3)}, ${p(4)}, ${p(5)})`,
        [id, value, new Date().toISOString(), new Date().toISOString(), deletedAt?.toISOString() ?? null],
      );
    await expect(insert("rr_sql_dup", "wrong_size", null)).rejects.toThrow(/unique/i);
    await insert("rr_sql_gone", "wrong_size", new Date());
    expect((await store.admin("/admin/return-reasons/rr_sql_gone")).status).toBe(404);
  });
});
