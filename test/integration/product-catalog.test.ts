import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("collections, categories and tags on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "product_catalog");
  });

  afterAll(async () => {
    await store?.close();
  });

  it("manages collections and lists them in the store", async () => {
    const made = await store.admin("/admin/collections", { body: { title: "Winter Sale", metadata: { season: "w" } } });
    expect(made.status).toBe(200);
    const winter = made.body.collection;
    expect(winter).toMatchObject({ title: "Winter Sale", handle: "winter-sale", metadata: { season: "w" } });
    expect(winter.id).toMatch(/^pcol_/);
    const spring = (await store.admin("/admin/collections", { body: { title: "Spring", handle: "spring-25" } })).body.collection;
    expect((await store.admin("/admin/collections", { body: { title: "Winter Sale" } })).status).toBe(409);
    expect((await store.admin("/admin/collections", { body: { title: "" } })).status).toBe(400);
    expect((await store.admin("/admin/collections", { body: { title: "X", products: [] } })).status).toBe(400);

    const product = await store.admin("/admin/products", { body: { title: "Scarf", status: "published", collection_id: winter.id } });
    expect(product.body.product.collection).toMatchObject({ id: winter.id });

    const list = await store.request("/store/collections");
    expect(list.body).toMatchObject({ count: 2, offset: 0, limit: 10 });
    expect(list.body.collections.map((c: any) => c.handle)).toEqual(["spring-25", "winter-sale"]);
    const byHandle = await store.request("/store/collections?handle[]=winter-sale");
    expect(byHandle.body.collections.map((c: any) => c.id)).toEqual([winter.id]);
    const search = await store.admin("/admin/collections?q=WINTER&limit=1");
    expect(search.body).toMatchObject({ count: 1, limit: 1, collections: [{ id: winter.id }] });
    expect((await store.request(`/store/collections/${winter.id}`)).body.collection).toMatchObject({ id: winter.id, title: "Winter Sale" });
    expect((await store.request("/store/collections/pcol_nope")).status).toBe(404);
    expect((await store.request("/store/collections?limit=0")).status).toBe(400);

    const renamed = await store.admin(`/admin/collections/${spring.id}`, { body: { title: "Spring 25" } });
    expect(renamed.body.collection).toMatchObject({ title: "Spring 25", handle: "spring-25" });
    expect((await store.admin(`/admin/collections/${spring.id}`, { body: { handle: "winter-sale" } })).status).toBe(409);

    const deleted = await store.admin(`/admin/collections/${winter.id}`, { method: "DELETE" });
    expect(deleted.body).toEqual({ id: winter.id, object: "product-collection", deleted: true });
    expect((await store.admin(`/admin/collections/${winter.id}`)).status).toBe(404);
    const orphan = await store.admin(`/admin/products/${product.body.product.id}`);
    expect(orphan.body.product).toMatchObject({ collection_id: null, collection: null });
  });

  it("keeps a category tree and shows the store its active, public part", async () => {
    const add = async (body: Record<string, unknown>) => {
      const res = await store.admin("/admin/product-categories", { body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.product_category;
    };
    const men = await add({ name: "Men", is_active: true });
    const women = await add({ name: "Women", is_active: true });
    const shoes = await add({ name: "Shoes", is_active: true, parent_category_id: men.id, description: "Footwear" });
    const boots = await add({ name: "Boots", is_active: true, parent_category_id: shoes.id });
    const secret = await add({ name: "Staff Picks", is_active: true, is_internal: true, parent_category_id: men.id });
    const draft = await add({ name: "Hats", parent_category_id: men.id });
    expect(men).toMatchObject({ handle: "men", rank: 0, is_active: true, is_internal: false, parent_category_id: null, category_children: [] });
    expect(men.id).toMatch(/^pcat_/);
    expect(women.rank).toBe(1);
    expect(shoes).toMatchObject({ rank: 0, description: "Footwear", parent_category: { id: men.id } });
    expect(draft).toMatchObject({ is_active: false, rank: 2 });

    const top = await store.request("/store/product-categories?parent_category_id=null");
    expect(top.body).toMatchObject({ count: 2, offset: 0, limit: 100 });
    expect(top.body.product_categories.map((c: any) => c.name)).toEqual(["Men", "Women"]);
    expect(top.body.product_categories[0].category_children.map((c: any) => c.name)).toEqual(["Shoes"]);

    const tree = await store.request(`/store/product-categories/${men.id}?include_descendants_tree=true`);
    expect(tree.status).toBe(200);
    expect(tree.body.product_category).toMatchObject({
      name: "Men",
      parent_category: null,
      category_children: [{ name: "Shoes", category_children: [{ name: "Boots", category_children: [] }] }],
    });
    const child = await store.request(`/store/product-categories/${boots.id}`);
    expect(child.body.product_category).toMatchObject({ parent_category: { id: shoes.id }, category_children: [] });
    expect((await store.request(`/store/product-categories/${secret.id}`)).status).toBe(404);
    expect((await store.request(`/store/product-categories/${draft.id}`)).status).toBe(404);
    expect((await store.request("/store/product-categories?q=BOO")).body.product_categories.map((c: any) => c.id)).toEqual([boots.id]);
    expect((await store.request("/store/product-categories?handle=women")).body.count).toBe(1);
    expect((await store.request("/store/product-categories?is_internal=true")).status).toBe(400);

    const admin = await store.admin(`/admin/product-categories/${men.id}`);
    expect(admin.body.product_category.category_children.map((c: any) => c.name)).toEqual(["Shoes", "Staff Picks", "Hats"]);
    const internal = await store.admin("/admin/product-categories?is_internal=true");
    expect(internal.body.product_categories.map((c: any) => c.id)).toEqual([secret.id]);

    const first = await store.admin(`/admin/product-categories/${draft.id}`, { body: { rank: 0, is_active: true } });
    expect(first.body.product_category).toMatchObject({ rank: 0, is_active: true });
    const reordered = await store.admin(`/admin/product-categories/${men.id}`);
    expect(reordered.body.product_category.category_children.map((c: any) => [c.name, c.rank])).toEqual([
      ["Hats", 0],
      ["Shoes", 1],
      ["Staff Picks", 2],
    ]);
    const moved = await store.admin(`/admin/product-categories/${boots.id}`, { body: { parent_category_id: women.id } });
    expect(moved.body.product_category).toMatchObject({ parent_category_id: women.id, rank: 0, parent_category: { id: women.id } });
    const cycle = await store.admin(`/admin/product-categories/${men.id}`, { body: { parent_category_id: shoes.id } });
    expect(cycle).toMatchObject({ status: 400, body: { type: "invalid_data" } });
    expect((await store.admin(`/admin/product-categories/${men.id}`, { body: { parent_category_id: men.id } })).status).toBe(400);
    expect((await store.admin("/admin/product-categories", { body: { name: "X", parent_category_id: "pcat_nope" } })).status).toBe(400);
    expect((await store.admin("/admin/product-categories", { body: { name: "Men" } })).status).toBe(409);
    expect((await store.admin("/admin/product-categories", { body: { name: "Y", rank: -1 } })).status).toBe(400);

    const product = await store.admin("/admin/products", { body: { title: "Wellies", status: "published", categories: [{ id: shoes.id }] } });
    expect(product.status).toBe(200);
    const inMen = await store.request(`/store/products?category_id[]=${men.id}&include_category_children=true`);
    expect(inMen.body.products.map((p: any) => p.title)).toEqual(["Wellies"]);

    const refused = await store.admin(`/admin/product-categories/${men.id}`, { method: "DELETE" });
    expect(refused).toMatchObject({ status: 409, body: { type: "conflict" } });
    const gone = await store.admin(`/admin/product-categories/${shoes.id}`, { method: "DELETE" });
    expect(gone.body).toEqual({ id: shoes.id, object: "product-category", deleted: true });
    expect((await store.admin(`/admin/product-categories/${shoes.id}`)).status).toBe(404);
    const after = await store.admin(`/admin/products/${product.body.product.id}`);
    expect(after.body.product.categories).toEqual([]);
    const ranks = await store.admin(`/admin/product-categories/${men.id}`);
    expect(ranks.body.product_category.category_children.map((c: any) => [c.name, c.rank])).toEqual([
      ["Hats", 0],
      ["Staff Picks", 1],
    ]);
  });

  it("lists product tags", async () => {
    await store.admin("/admin/products", { body: { title: "Tagged", tags: [{ value: "wool" }, { value: "Warm" }] } });
    const admin = await store.admin("/admin/product-tags?q=WOO");
    expect(admin.body).toMatchObject({ count: 1, offset: 0, limit: 10, product_tags: [{ value: "wool" }] });
    expect(admin.body.product_tags[0].id).toMatch(/^ptag_/);
    const storeTags = await store.request("/store/product-tags?value[]=Warm&value[]=wool");
    expect(storeTags.body.product_tags.map((t: any) => t.value)).toEqual(["Warm", "wool"]);
    expect((await store.request("/store/product-tags?limit=-1")).status).toBe(400);
  });
});
