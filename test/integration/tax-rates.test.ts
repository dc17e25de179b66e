import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { createProduct, createRegion, createShippingOption, expectStatus, recordEvents } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("tax rates on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    store = await startStore(name, "tax_rates");
    events = recordEvents(store);
    region = await createRegion(store);
    other = await createRegion(store);
  });
  afterAll(() => store?.close());

  const create = async (body: Record<string, unknown>, query = "") =>
    expectStatus(await store.admin(`/admin/tax-rates${query}`, { body: { region_id: region.id, ...body } }), 200).tax_rate;

  it("creates, lists with filters, reads, updates and deletes rates", async () => {
    const reduced = await create({ code: "reduced", name: "Reduced", rate: 12.5, metadata: { law: "§5" } });
    expect(reduced).toMatchObject({ code: "reduced", name: "Reduced", rate: 12.5, region_id: region.id, metadata: { law: "§5" }, product_count: 0 });
    expect(reduced.id).toMatch(/^txr_/);
    const zero = await create({ code: "zero", name: "Zero", rate: 0 });
    const elsewhere = expectStatus(await store.admin("/admin/tax-rates", { body: { region_id: other.id, code: "reduced", name: "Other reduced", rate: 6 } }), 200).tax_rate;

    const ids = (body: any) => body.tax_rates.map((r: { id: string }) => r.id);
    const all = expectStatus(await store.admin("/admin/tax-rates"), 200);
    expect(all).toMatchObject({ count: 3, offset: 0, limit: 50 });
    expect(ids(expectStatus(await store.admin(`/admin/tax-rates?region_id=${region.id}`), 200))).toEqual([reduced.id, zero.id]);
    expect(ids(expectStatus(await store.admin(`/admin/tax-rates?region_id[]=${other.id}&region_id[]=${region.id}&code=reduced`), 200))).toEqual([reduced.id, elsewhere.id]);
    expect(ids(expectStatus(await store.admin("/admin/tax-rates?rate=12.5"), 200))).toEqual([reduced.id]);
    expect(ids(expectStatus(await store.admin("/admin/tax-rates?rate[gt]=0&rate[lt]=10"), 200))).toEqual([elsewhere.id]);
    expect(ids(expectStatus(await store.admin("/admin/tax-rates?order=-rate&limit=1"), 200))).toEqual([reduced.id]);

    expect(expectStatus(await store.admin(`/admin/tax-rates/${reduced.id}`), 200).tax_rate).toMatchObject({ id: reduced.id, rate: 12.5 });
    const updated = expectStatus(await store.admin(`/admin/tax-rates/${reduced.id}`, { body: { rate: 7.25, name: "Lower", metadata: { since: 2026 } } }), 200).tax_rate;
    expect(updated).toMatchObject({ rate: 7.25, name: "Lower", code: "reduced", metadata: { law: "§5", since: 2026 } });

    await events.drain();
    const before = events.names.length;
    expect(expectStatus(await store.admin(`/admin/tax-rates/${zero.id}`, { method: "DELETE" }), 200)).toEqual({ id: zero.id, object: "tax-rate", deleted: true });
    await events.drain();
    expect(events.names.slice(before)).toEqual(["tax-rate.deleted"]);
    expect((await store.admin(`/admin/tax-rates/${zero.id}`)).status).toBe(404);
    expect(events.names).toContain("tax-rate.created");
    expect(events.names).toContain("tax-rate.updated");
  });

  it("links and unlinks products, product types and shipping options in batches, and expands them", async () => {
    const shirt = await createProduct(store, [{ prices: [{ currency_code: "dkk", amount: 1000 }] }], { type: { value: "Shirts" } });
    const book = await createProduct(store, [{ prices: [{ currency_code: "dkk", amount: 1000 }] }]);
    const typeId = expectStatus(await store.admin(`/admin/products/${shirt.id}`), 200).product.type_id;
    const option = await createShippingOption(store, region.id, 500);
    const rate = await create({ code: "books", name: "Books", rate: 5, products: [book.id] }, "?expand=products");
    expect(rate).toMatchObject({ product_count: 1, products: [{ id: book.id }] });

    const withShirt = expectStatus(await store.admin(`/admin/tax-rates/${rate.id}/products/batch?expand=products`, { body: { products: [shirt.id, book.id] } }), 200).tax_rate;
    expect(withShirt.products.map((p: { id: string }) => p.id).sort()).toEqual([book.id, shirt.id].sort());
    const withType = expectStatus(await store.admin(`/admin/tax-rates/${rate.id}/product-types/batch?expand=product_types`, { body: { product_types: [typeId] } }), 200).tax_rate;
    expect(withType).toMatchObject({ product_type_count: 1, product_types: [{ id: typeId }] });
    const withOption = expectStatus(await store.admin(`/admin/tax-rates/${rate.id}/shipping-options/batch`, { body: { shipping_options: [option.id] } }), 200).tax_rate;
    expect(withOption).toMatchObject({ product_count: 2, product_type_count: 1, shipping_option_count: 1 });
    expect(withOption.products).toBeUndefined();

    const removed = expectStatus(await store.admin(`/admin/tax-rates/${rate.id}/products/batch`, { method: "DELETE", body: { products: [shirt.id] } }), 200).tax_rate;
    expect(removed.product_count).toBe(1);
    expectStatus(await store.admin(`/admin/tax-rates/${rate.id}/product-types/batch`, { method: "DELETE", body: { product_types: [typeId] } }), 200);
    const none = expectStatus(await store.admin(`/admin/tax-rates/${rate.id}/shipping-options/batch?expand=shipping_options,product_types`, { method: "DELETE", body: { shipping_options: [option.id] } }), 200).tax_rate;
    expect(none).toMatchObject({ product_count: 1, product_type_count: 0, shipping_option_count: 0, shipping_options: [], product_types: [] });
    const listed = expectStatus(await store.admin(`/admin/tax-rates?expand=products&code=books`), 200).tax_rates;
    expect(listed).toMatchObject([{ id: rate.id, products: [{ id: book.id }] }]);
  });

  it("answers bad input with a 4xx and a code, never a 500", async () => {
    const rate = await create({ code: "std", name: "Standard", rate: 20 });
    const cases: [string, Parameters<Store["admin"]>[1], number][] = [
      ["/admin/tax-rates", { body: { code: "x", name: "X", region_id: region.id, rate: 101 } }, 400],
      ["/admin/tax-rates", { body: { code: "x", name: "X", region_id: region.id, rate: 0.30000000000000004 } }, 400],
      ["/admin/tax-rates", { body: { code: "x", name: "X" } }, 400],
      ["/admin/tax-rates", { body: { code: "x", name: "X", region_id: region.id, color: "red" } }, 400],
      ["/admin/tax-rates", { body: { code: "x", name: "X", region_id: "reg_missing" } }, 404],
      ["/admin/tax-rates", { body: { code: "x", name: "X", region_id: region.id, products: ["prod_missing"] } }, 404],
      ["/admin/tax-rates?rate=abc", {}, 400],
      ["/admin/tax-rates?order=secret", {}, 400],
      ["/admin/tax-rates?expand=region_secret", {}, 400],
      ["/admin/tax-rates/txr_missing", {}, 404],
      ["/admin/tax-rates/txr_missing", { body: { rate: 3 } }, 404],
      [`/admin/tax-rates/${rate.id}/products/batch`, { body: { products: [] } }, 400],
      [`/admin/tax-rates/${rate.id}/products/batch`, { body: { product_ids: ["x"] } }, 400],
      [`/admin/tax-rates/${rate.id}/product-types/batch`, { body: { product_types: ["ptyp_missing"] } }, 404],
      [`/admin/tax-rates/${rate.id}/shipping-options/batch`, { body: { shipping_options: ["so_missing"] } }, 404],
      ["/admin/tax-rates/txr_missing/products/batch", { body: { products: ["x"] } }, 404],
    ];
    for (const [path, init, status] of cases) {
      const res = await store.admin(path, init);
      expect(res.status, `${path} ${JSON.stringify(init)} -> ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
    }
    expect((await store.request("/admin/tax-rates")).status).toBe(401);
  });
});
