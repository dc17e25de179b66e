import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { createProduct, expectStatus } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

type Hit = { id: string; title: string };

describe.each(DATABASES)("product search on $name", ({ name }) => {
  let store: Store;

  const search = async (body: Record<string, unknown>) => expectStatus(await store.request("/store/products/search", { body }), 200);
  const titles = async (q: string) => ((await search({ q })).hits as Hit[]).map((h) => h.title).sort();

  /** The index follows the catalog after each change commits (a subscriber): waits until the search answers `expected`. */
  async function eventually(q: string, expected: string[]) {
    const deadline = Date.now() + 5000;
    let got: string[] = [];
    while (Date.now() < deadline) {
      got = await titles(q);
      if (JSON.stringify(got) === JSON.stringify([...expected].sort())) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(got, `search "${q}"`).toEqual([...expected].sort());
  }

  beforeAll(async () => {
    store = await startStore(name, "search");
  });
  afterAll(() => store?.close());

  it("finds published products by the words of their title and description, all words as prefixes, best match first", async () => {
    await createProduct(store, [{ sku: "TEE-BLUE" }], { title: "Blue Linen Shirt", description: "A light shirt for summer evenings" });
    await createProduct(store, [{}], { title: "Wool Sweater", description: "Warm and blue, for the Winter" });
    await createProduct(store, [{}], { title: "Draft Blue Hat", status: "draft" });
    await eventually("linen", ["Blue Linen Shirt"]);
    await eventually("winter", ["Wool Sweater"]);
    await eventually("BLUE", ["Blue Linen Shirt", "Wool Sweater"]);
    await eventually("blue summer", ["Blue Linen Shirt"]);
    await eventually("shi", ["Blue Linen Shirt"]);
    await eventually("tee", ["Blue Linen Shirt"]);
    await eventually("hat", []);

    const ranked = await search({ q: "shirt" });
    expect(ranked).toMatchObject({ query: "shirt", offset: 0, limit: 20, estimatedTotalHits: 1 });
    expect(ranked.hits[0]).toMatchObject({ title: "Blue Linen Shirt", status: "published" });
    expect(ranked.hits[0].variants[0].sku).toBe("TEE-BLUE");
  });

  it("follows the product: a new title, unpublishing and deletion change what is found", async () => {
    const product = await createProduct(store, [{}], { title: "Canvas Tote", handle: "bag-one", description: "Carries groceries" });
    await eventually("tote", ["Canvas Tote"]);
    expectStatus(await store.admin(`/admin/products/${product.id}`, { body: { title: "Leather Satchel" } }), 200);
    await eventually("satchel", ["Leather Satchel"]);
    await eventually("tote", []);
    await eventually("bag", ["Leather Satchel"]);
    await eventually("groceries", ["Leather Satchel"]);
    expectStatus(await store.admin(`/admin/products/${product.id}`, { body: { status: "draft" } }), 200);
    await eventually("satchel", []);
    expectStatus(await store.admin(`/admin/products/${product.id}`, { body: { status: "published" } }), 200);
    await eventually("satchel", ["Leather Satchel"]);
    expectStatus(await store.admin(`/admin/products/${product.id}`, { method: "DELETE" }), 200);
    await eventually("satchel", []);
  });

  it("pages the hits and filters them by collection", async () => {
    const collection = expectStatus(await store.admin("/admin/collections", { body: { title: "Kitchen" } }), 200).collection;
    for (const n of [1, 2, 3]) await createProduct(store, [{}], { title: `Ceramic Mug ${n}`, collection_id: n === 2 ? collection.id : undefined });
    await eventually("ceramic mug", ["Ceramic Mug 1", "Ceramic Mug 2", "Ceramic Mug 3"]);
    const page = await search({ q: "ceramic", offset: 1, limit: 1 });
    expect(page).toMatchObject({ offset: 1, limit: 1, estimatedTotalHits: 3 });
    expect(page.hits).toHaveLength(1);
    const all = [...(await search({ q: "ceramic", limit: 1 })).hits, ...page.hits, ...(await search({ q: "ceramic", offset: 2 })).hits];
    expect(new Set(all.map((h: Hit) => h.title)).size).toBe(3);
    const filtered = await search({ q: "mug", filter: { collection_id: [collection.id] } });
    expect(filtered.hits.map((h: Hit) => h.title)).toEqual(["Ceramic Mug 2"]);
    expect(filtered.estimatedTotalHits).toBe(1);
  });

  it("takes any text as words, never as query syntax, and refuses bad bodies with a 400", async () => {
    for (const q of ['"mug', "mug OR 1=1", "mug*)(", "NEAR(mug ceramic)", "-mug", "mug & !ceramic", "'; DROP TABLE product_search; --", "ü ß 漢字", ""]) {
      const res = await store.request("/store/products/search", { body: { q } });
      expect(res.status, q).toBe(200);
    }
    expect((await search({ q: "mug OR tote" })).hits).toEqual([]);
    expect((await search({})).estimatedTotalHits).toBeGreaterThanOrEqual(5);
    expect(expectStatus(await store.request("/store/products/search", { body: { q: 1 } }), 400).code).toBe("invalid_request");
    expect(expectStatus(await store.request("/store/products/search", { body: { limit: 0 } }), 400).code).toBe("invalid_request");
    expect(expectStatus(await store.request("/store/products/search", { body: { filter: { status: ["draft"] } } }), 400).code).toBe("invalid_request");
  });
  // On SQLite this cannot fail (transactions take turns); on PostgreSQL it proves the advisory lock of `indexProduct`.
  it("ends with the product's last state when its indexers race its updates (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const product = await createProduct(store, [{}], { title: "Racing Start" });
    const search = store.server.kernel.container.resolve<any>("searchService");
    const words = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"];
    await Promise.all(
      words.flatMap((word) => [
        store.admin(`/admin/products/${product.id}`, { body: { title: `Racing ${word}` } }),
        search.indexProduct(product.id),
        search.indexProduct(product.id),
      ]),
    );
    const final = expectStatus(await store.admin(`/admin/products/${product.id}`), 200).product.title;
    await eventually("racing", [final]);
    for (const word of words) await eventually(word, final.endsWith(word) ? [final] : []);
  });
});
