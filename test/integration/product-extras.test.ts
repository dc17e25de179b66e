import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { expectStatus, recordEvents } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("product options, metadata, tag usage and batches on $name", ({ name }) => {
  let store: Store;
  let recorded: ReturnType<typeof recordEvents>;
  const create = (body: Record<string, unknown>) => store.admin("/admin/products", { body: { status: "published", ...body } });
  const updatedEvents = async (id: string) => {
    await recorded.drain();
    return recorded.messages.filter((m) => m.name === "product.updated" && m.data.id === id).map((m) => m.data.fields);
  };

  beforeAll(async () => {
    store = await startStore(name, "product_extras");
    recorded = recordEvents(store);
  });

  afterAll(async () => {
    await store?.close();
  });

  describe("options", () => {
    let tee: any;

    beforeAll(async () => {
      tee = expectStatus(
        await create({
          title: "Tee",
          options: [{ title: "Size" }],
          variants: [
            { title: "S", options: [{ value: "S" }] },
            { title: "M", options: [{ value: "M" }] },
          ],
        }),
        200,
      ).product;
    });

    it("adds an option: each variant gets Default Value, a taken title is a 409", async () => {
      const product = expectStatus(await store.admin(`/admin/products/${tee.id}/options`, { body: { title: "Color" } }), 200).product;
      expect(product.options.map((o: any) => o.title)).toEqual(["Size", "Color"]);
      const color = product.options[1];
      expect(color.id).toMatch(/^popt_/);
      expect(color.values.map((v: any) => v.value)).toEqual(["Default Value", "Default Value"]);
      for (const variant of product.variants) expect(variant.options.find((o: any) => o.option_id === color.id).value).toBe("Default Value");
      expect(await updatedEvents(tee.id)).toEqual([["options"]]);

      const taken = await store.admin(`/admin/products/${tee.id}/options`, { body: { title: "Color" } });
      expect(taken).toMatchObject({ status: 409, body: { code: "duplicate_error" } });
      expect((await store.admin("/admin/products/prod_nope/options", { body: { title: "X" } })).status).toBe(404);
      expect((await store.admin(`/admin/products/${tee.id}/options`, { body: { title: "" } })).status).toBe(400);
      expect((await store.admin(`/admin/products/${tee.id}/options`, { body: { title: "X", values: [] } })).status).toBe(400);
      // A new variant must now give both values.
      const missing = await store.admin(`/admin/products/${tee.id}/variants`, { body: { title: "L", options: [{ value: "L" }] } });
      expect(missing).toMatchObject({ status: 400, body: { code: "invalid_option_values" } });
    });

    it("renames an option; another option's title is a 409, an option of another product a 404", async () => {
      const { product } = expectStatus(await store.admin(`/admin/products/${tee.id}`), 200);
      const [size, color] = product.options;
      const renamed = expectStatus(await store.admin(`/admin/products/${tee.id}/options/${color.id}`, { body: { title: "Colour" } }), 200).product;
      expect(renamed.options.map((o: any) => o.title)).toEqual(["Size", "Colour"]);
      expect(renamed.options[1].values).toHaveLength(2);
      const same = await store.admin(`/admin/products/${tee.id}/options/${color.id}`, { body: { title: "Colour" } });
      expect(same.status).toBe(200);
      const taken = await store.admin(`/admin/products/${tee.id}/options/${color.id}`, { body: { title: "Size" } });
      expect(taken).toMatchObject({ status: 409, body: { code: "duplicate_error" } });
      const other = expectStatus(await create({ title: "Other", options: [{ title: "Size" }] }), 200).product;
      expect((await store.admin(`/admin/products/${other.id}/options/${size.id}`, { body: { title: "Fit" } })).status).toBe(404);
      expect((await store.admin(`/admin/products/${tee.id}/options/popt_nope`, { body: { title: "Fit" } })).status).toBe(404);
    });

    it("deletes an option only when no variants would become duplicates (Medusa's rule)", async () => {
      const { product } = expectStatus(await store.admin(`/admin/products/${tee.id}`), 200);
      const [size, colour] = product.options;
      // Sizes differ (S, M): without them the two variants would be the same.
      const refused = await store.admin(`/admin/products/${tee.id}/options/${size.id}`, { method: "DELETE" });
      expect(refused).toMatchObject({ status: 409, body: { type: "conflict", code: "duplicate_variant" } });
      expect(expectStatus(await store.admin(`/admin/products/${tee.id}`), 200).product.options).toHaveLength(2);

      // Every variant has Default Value for the colour: it can go, with its values.
      const deleted = expectStatus(await store.admin(`/admin/products/${tee.id}/options/${colour.id}`, { method: "DELETE" }), 200);
      expect(deleted).toMatchObject({ option_id: colour.id, object: "option", deleted: true });
      expect(deleted.product.options.map((o: any) => o.title)).toEqual(["Size"]);
      for (const variant of deleted.product.variants) expect(variant.options.map((o: any) => o.option_id)).toEqual([size.id]);
      expect((await store.admin(`/admin/products/${tee.id}/options/${colour.id}`, { method: "DELETE" })).status).toBe(404);

      // With one variant left, the size can go too.
      expectStatus(await store.admin(`/admin/products/${tee.id}/variants/${product.variants[1].id}`, { method: "DELETE" }), 200);
      const last = expectStatus(await store.admin(`/admin/products/${tee.id}/options/${size.id}`, { method: "DELETE" }), 200).product;
      expect(last.options).toEqual([]);
      expect(last.variants[0].options).toEqual([]);
    });

    it("lets one of an option delete and a variant add win, never leaving duplicate variants (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
      // On SQLite this cannot fail (transactions take turns); on PostgreSQL both lock the product first.
      for (let round = 0; round < 5; round++) {
        const product = expectStatus(
          await create({ title: `Racer ${round}`, options: [{ title: "Size" }, { title: "Color" }], variants: [{ title: "A", options: [{ value: "S" }, { value: "Red" }] }] }),
          200,
        ).product;
        const [, color] = product.options;
        const [removed, added] = await Promise.all([
          store.admin(`/admin/products/${product.id}/options/${color.id}`, { method: "DELETE" }),
          store.admin(`/admin/products/${product.id}/variants`, { body: { title: "B", options: [{ value: "S" }, { value: "Blue" }] } }),
        ]);
        // One wins; the other is refused for what the winner did (a 409 duplicate_variant, or a 400 for the missing option), never a 5xx.
        const statuses = [removed.status, added.status];
        expect(statuses.filter((s) => s === 200), JSON.stringify([removed.body, added.body])).toHaveLength(1);
        expect(statuses.find((s) => s !== 200)).toBeOneOf([400, 409]);
        const after = expectStatus(await store.admin(`/admin/products/${product.id}`), 200).product;
        const combos = after.variants.map((v: any) => after.options.map((o: any) => v.options.find((x: any) => x.option_id === o.id)?.value).join("/"));
        expect(new Set(combos).size).toBe(combos.length);
      }
    });
  });

  it("sets one metadata key, merged; an empty value removes it", async () => {
    const product = expectStatus(await create({ title: "Meta", metadata: { keep: 1 } }), 200).product;
    const set = expectStatus(await store.admin(`/admin/products/${product.id}/metadata`, { body: { key: "color", value: "red" } }), 200).product;
    expect(set.metadata).toEqual({ keep: 1, color: "red" });
    expect(set.variants).toEqual([]);
    const removed = expectStatus(await store.admin(`/admin/products/${product.id}/metadata`, { body: { key: "keep", value: "" } }), 200).product;
    expect(removed.metadata).toEqual({ color: "red" });
    expect(await updatedEvents(product.id)).toEqual([["metadata"], ["metadata"]]);
    expect((await store.admin(`/admin/products/${product.id}/metadata`, { body: { key: "a", value: 1 } })).status).toBe(400);
    expect((await store.admin(`/admin/products/${product.id}/metadata`, { body: { key: "", value: "x" } })).status).toBe(400);
    expect((await store.admin(`/admin/products/${product.id}/metadata`, { body: { key: "__proto__", value: "x" } })).status).toBe(400);
    expect((await store.admin("/admin/products/prod_nope/metadata", { body: { key: "a", value: "b" } })).status).toBe(404);
  });

  it("counts each tag's products in GET /admin/products/tag-usage, most used first", async () => {
    expectStatus(await create({ title: "T1", tags: [{ value: "cotton" }, { value: "summer" }] }), 200);
    expectStatus(await create({ title: "T2", tags: [{ value: "cotton" }] }), 200);
    expectStatus(await create({ title: "T3", tags: [{ value: "cotton" }, { value: "wool" }] }), 200);
    const { tags } = expectStatus(await store.admin("/admin/products/tag-usage"), 200);
    expect(tags.map((t: any) => [t.value, t.usage_count])).toEqual([
      ["cotton", 3],
      ["summer", 1],
      ["wool", 1],
    ]);
    expect(Object.keys(tags[0]).sort()).toEqual(["id", "usage_count", "value"]);
    expect(tags[0].id).toMatch(/^ptag_/);
    expect((await store.request("/admin/products/tag-usage")).status).toBe(401);
  });

  it("puts products in a collection and takes them out in batches", async () => {
    const summer = expectStatus(await store.admin("/admin/collections", { body: { title: "Summer" } }), 200).collection;
    const winter = expectStatus(await store.admin("/admin/collections", { body: { title: "Winter" } }), 200).collection;
    const a = expectStatus(await create({ title: "A", collection_id: winter.id }), 200).product;
    const b = expectStatus(await create({ title: "B" }), 200).product;
    const batch = (id: string, method: string, product_ids: unknown) => store.admin(`/admin/collections/${id}/products/batch`, { method, body: { product_ids } });
    const inSummer = async () => expectStatus(await store.admin(`/admin/products?collection_id=${summer.id}`), 200).products.map((p: any) => p.title).sort();

    const added = expectStatus(await batch(summer.id, "POST", [a.id, b.id, b.id]), 200);
    expect(added.collection).toMatchObject({ id: summer.id, title: "Summer" });
    expect(await inSummer()).toEqual(["A", "B"]);
    expect(await updatedEvents(a.id)).toEqual([["collection_id"]]);
    // Again: nothing changes, no event.
    expectStatus(await batch(summer.id, "POST", [a.id]), 200);
    expect(await updatedEvents(a.id)).toEqual([["collection_id"]]);

    const unknown = await batch(summer.id, "POST", [b.id, "prod_nope"]);
    expect(unknown).toMatchObject({ status: 400, body: { code: "invalid_reference", field: "product_ids" } });
    expect((await batch("pcol_nope", "POST", [a.id])).status).toBe(404);
    expect((await batch(summer.id, "POST", [])).status).toBe(400);

    // Taking out: only the products in this collection (others, unknown ones too, are left alone).
    const c = expectStatus(await create({ title: "C", collection_id: winter.id }), 200).product;
    const removed = expectStatus(await batch(summer.id, "DELETE", [a.id, c.id, "prod_nope"]), 200);
    expect(removed).toEqual({ id: summer.id, object: "product-collection", removed_products: [a.id, c.id, "prod_nope"] });
    expect(await inSummer()).toEqual(["B"]);
    expect(expectStatus(await store.admin(`/admin/products/${a.id}`), 200).product.collection_id).toBeNull();
    expect(expectStatus(await store.admin(`/admin/products/${c.id}`), 200).product.collection_id).toBe(winter.id);
    expect((await batch("pcol_nope", "DELETE", [a.id])).status).toBe(404);
  });

  it("links products to a category and unlinks them in batches", async () => {
    const shoes = expectStatus(await store.admin("/admin/product-categories", { body: { name: "Shoes", is_active: true } }), 200).product_category;
    const a = expectStatus(await create({ title: "Boot" }), 200).product;
    const b = expectStatus(await create({ title: "Sandal", categories: [{ id: shoes.id }] }), 200).product;
    const batch = (id: string, method: string, ids: string[]) =>
      store.admin(`/admin/product-categories/${id}/products/batch`, { method, body: { product_ids: ids.map((i) => ({ id: i })) } });
    const inShoes = async () => expectStatus(await store.admin(`/admin/products?category_id=${shoes.id}`), 200).products.map((p: any) => p.title).sort();

    const added = expectStatus(await batch(shoes.id, "POST", [a.id, b.id]), 200);
    expect(added.product_category).toMatchObject({ id: shoes.id, name: "Shoes" });
    expect(await inShoes()).toEqual(["Boot", "Sandal"]);
    expect(await updatedEvents(a.id)).toEqual([["categories"]]);
    expect(await updatedEvents(b.id)).toEqual([]);
    expect((await batch(shoes.id, "POST", ["prod_nope"])).body).toMatchObject({ code: "invalid_reference", field: "product_ids" });
    expect((await batch("pcat_nope", "POST", [a.id])).status).toBe(404);
    expect((await store.admin(`/admin/product-categories/${shoes.id}/products/batch`, { body: { product_ids: [a.id] } })).status).toBe(400);

    const removed = expectStatus(await batch(shoes.id, "DELETE", [b.id, "prod_nope"]), 200);
    expect(removed.product_category).toMatchObject({ id: shoes.id });
    expect(await inShoes()).toEqual(["Boot"]);
    expect(await updatedEvents(b.id)).toEqual([["categories"]]);
  });

  it("answers racing batches linking the same products with one link each (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite this cannot fail (transactions take turns); on PostgreSQL the category is locked and the insert skips existing links.
    const hats = expectStatus(await store.admin("/admin/product-categories", { body: { name: "Hats", is_active: true } }), 200).product_category;
    const products = await Promise.all(["H1", "H2", "H3"].map(async (title) => expectStatus(await create({ title }), 200).product.id));
    const body = { product_ids: products.map((id) => ({ id })) };
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => store.admin(`/admin/product-categories/${hats.id}/products/batch`, { body })),
      store.admin(`/admin/products/${products[0]}`, { body: { categories: [{ id: hats.id }] } }),
    ]);
    for (const res of results) expectStatus(res, 200);
    const listed = expectStatus(await store.admin(`/admin/products?category_id=${hats.id}`), 200);
    expect(listed.count).toBe(3);
  });
});
