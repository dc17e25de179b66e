import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { expectStatus, recordEvents } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("product types on $name", ({ name }) => {
  let store: Store;
  let recorded: ReturnType<typeof recordEvents>;
  const create = (body: Record<string, unknown>) => store.admin("/admin/products", { body: { status: "published", ...body } });

  beforeAll(async () => {
    store = await startStore(name, "product_types");
    recorded = recordEvents(store);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("upserts a product's type by value on create and update, and shows it as Medusa does", async () => {
    const shirt = expectStatus(await create({ title: "Shirt", type: { value: "Apparel" } }), 200).product;
    expect(shirt.type).toMatchObject({ value: "Apparel", metadata: null });
    expect(shirt.type.id).toMatch(/^ptyp_/);
    expect(shirt.type_id).toBe(shirt.type.id);
    // The same value is the same type; an id given beside a value is not looked at (Medusa upserts by value).
    const hat = expectStatus(await create({ title: "Hat", type: { id: "ptyp_whatever", value: "Apparel" } }), 200).product;
    expect(hat.type_id).toBe(shirt.type_id);
    const mug = expectStatus(await create({ title: "Mug" }), 200).product;
    expect(mug).toMatchObject({ type_id: null, type: null });

    const moved = expectStatus(await store.admin(`/admin/products/${mug.id}`, { body: { type: { value: "Kitchen" } } }), 200).product;
    expect(moved.type).toMatchObject({ value: "Kitchen" });
    await recorded.drain();
    expect(recorded.messages).toContainEqual(expect.objectContaining({ name: "product.updated", data: { id: mug.id, fields: ["type"] } }));
    const cleared = expectStatus(await store.admin(`/admin/products/${hat.id}`, { body: { type: null } }), 200).product;
    expect(cleared).toMatchObject({ type_id: null, type: null });
    // Not naming the type leaves it.
    const kept = expectStatus(await store.admin(`/admin/products/${shirt.id}`, { body: { subtitle: "Cotton" } }), 200).product;
    expect(kept.type).toMatchObject({ id: shirt.type_id, value: "Apparel" });

    // The store shows the type by default (Medusa's default store relations) and with expand=type.
    const one = expectStatus(await store.request(`/store/products/${shirt.id}`), 200).product;
    expect(one.type).toMatchObject({ id: shirt.type_id, value: "Apparel" });
    const expanded = expectStatus(await store.request(`/store/products/${shirt.id}?expand=type`), 200).product;
    expect(expanded.type).toMatchObject({ value: "Apparel" });
    expect(expanded.variants).toBeUndefined();
    const listed = expectStatus(await store.request("/store/products?expand=type,variants"), 200).products;
    expect(listed.find((p: any) => p.id === mug.id).type).toMatchObject({ value: "Kitchen" });
    expect(listed.find((p: any) => p.id === hat.id).type).toBeNull();
    // Without it, no type is read.
    const bare = expectStatus(await store.request(`/store/products/${shirt.id}?expand=tags`), 200).product;
    expect(bare.type).toBeUndefined();
    expect(bare.type_id).toBe(shirt.type_id);
  });

  it("filters store and admin product lists by type_id", async () => {
    const { product_types } = expectStatus(await store.admin("/admin/product-types?value=Apparel"), 200);
    const apparel = product_types[0].id;
    const kitchen = expectStatus(await store.admin("/admin/product-types?value=Kitchen"), 200).product_types[0].id;
    const ofType = async (path: string) => expectStatus(await store.admin(path), 200).products.map((p: any) => p.title).sort();
    expect(await ofType(`/store/products?type_id=${apparel}`)).toEqual(["Shirt"]);
    expect(await ofType(`/admin/products?type_id[]=${apparel}&type_id[]=${kitchen}`)).toEqual(["Mug", "Shirt"]);
    expect(await ofType(`/admin/products?type_id=ptyp_none`)).toEqual([]);
  });

  it("lists types on the store and the admin with q, value, id and paging", async () => {
    expectStatus(await create({ title: "Pan", type: { value: "Cookware" } }), 200);
    for (const path of ["/store/product-types", "/admin/product-types"]) {
      const all = expectStatus(await store.request(path, { headers: path.startsWith("/admin") ? store.adminHeaders : {} }), 200);
      expect(all).toMatchObject({ count: 3, offset: 0, limit: 20 });
      // Newest first.
      expect(all.product_types.map((t: any) => t.value)).toEqual(["Cookware", "Kitchen", "Apparel"]);
    }
    const list = async (query: string) => expectStatus(await store.request(`/store/product-types${query}`), 200);
    expect((await list("?q=KIT")).product_types.map((t: any) => t.value)).toEqual(["Kitchen"]);
    expect((await list("?q=o")).product_types.map((t: any) => t.value)).toEqual(["Cookware"]);
    expect((await list("?value[]=Apparel&value[]=Kitchen")).count).toBe(2);
    const page = await list("?limit=1&offset=1");
    expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 });
    expect(page.product_types.map((t: any) => t.value)).toEqual(["Kitchen"]);
    const apparel = (await list("?value=Apparel")).product_types[0];
    expect((await list(`?id=${apparel.id}`)).product_types).toEqual([apparel]);
    expect((await store.request("/store/product-types?limit=0")).status).toBe(400);
    expect((await store.request("/store/product-types?type=x")).status).toBe(400);
    expect((await store.request("/admin/product-types")).status).toBe(401);
  });

  it("answers GET /admin/products/types with every live type, not taken by /admin/products/:id", async () => {
    const { types } = expectStatus(await store.admin("/admin/products/types"), 200);
    expect(types.map((t: any) => t.value)).toEqual(["Apparel", "Cookware", "Kitchen"]);
    expect(types[0]).toMatchObject({ id: expect.stringMatching(/^ptyp_/), metadata: null });
  });

  it("gives one type to products racing to create the same new type (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite this cannot fail (transactions take turns); on PostgreSQL it proves the insert skips the other's row.
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => create({ title: `Racer ${i}`, type: { value: "Brand new" } })),
    );
    const ids = new Set(results.map((r) => expectStatus(r, 200).product.type_id));
    expect(ids.size).toBe(1);
    expect(expectStatus(await store.admin("/admin/product-types?value=Brand%20new"), 200).count).toBe(1);
  });

  it("reverts and reruns its migration in place: the products stay, without their types", async () => {
    const before = expectStatus(await store.admin("/admin/products?limit=500"), 200);
    const dataSource = store.server.kernel.container.resolve<any>("dataSource");
    const runner = dataSource.createQueryRunner();
    // As `migrate revert` runs it: in a transaction, foreign keys on.
    await runner.startTransaction();
    try {
      const migration = dataSource.migrations.find((m: any) => m.name === "CreateProductType1730000670000");
      await migration.down(runner);
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const after = expectStatus(await store.admin("/admin/products?limit=500"), 200);
    expect(after.count).toBe(before.count);
    expect(after.products.every((p: any) => p.type_id === null && p.type === null)).toBe(true);
    expect(expectStatus(await store.admin("/admin/product-types"), 200).count).toBe(0);
  });
});
