import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { createProduct, createRegion, expectStatus } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("variants across products on $name", ({ name }) => {
  let store: Store;
  let region: { id: string };
  let shirt: any;
  let mug: any;
  let draft: any;

  beforeAll(async () => {
    store = await startStore(name, "product_variants");
    region = await createRegion(store, { currency_code: "eur", countries: ["de"] });
    shirt = await createProduct(
      store,
      [
        { title: "Small", sku: "SHIRT-S", inventory_quantity: 5, prices: [{ amount: 2000, currency_code: "eur" }, { amount: 1800, region_id: region.id }, { amount: 2500, currency_code: "usd" }] },
        { title: "Large", sku: "SHIRT-L", prices: [{ amount: 2200, currency_code: "eur" }] },
      ],
      { title: "Cotton Shirt" },
    );
    mug = await createProduct(store, [{ title: "Blue", sku: "MUG-BLUE", prices: [{ amount: 900, currency_code: "eur" }] }], { title: "Big Mug" });
    draft = await createProduct(store, [{ title: "Secret", sku: "SECRET-1" }], { title: "Hidden", status: "draft" });
  });

  afterAll(async () => {
    await store?.close();
  });

  it("GET /store/variants/:id answers the variant with prices, options, product and the calculated price", async () => {
    const small = shirt.variants[0];
    const plain = expectStatus(await store.request(`/store/variants/${small.id}`), 200).variant;
    expect(plain).toMatchObject({ id: small.id, title: "Small", sku: "SHIRT-S", product_id: shirt.id, product: { id: shirt.id, title: "Cotton Shirt" } });
    expect(plain.prices.map((p: any) => p.amount).sort()).toEqual([1800, 2000, 2500]);
    expect(plain.options).toEqual([expect.objectContaining({ value: "S0", variant_id: small.id })]);
    expect(plain.calculated_price).toBeUndefined();

    const inRegion = expectStatus(await store.request(`/store/variants/${small.id}?region_id=${region.id}`), 200).variant;
    expect(inRegion).toMatchObject({ original_price: 1800, calculated_price: 1800, calculated_price_type: "default" });
    const inUsd = expectStatus(await store.request(`/store/variants/${small.id}?currency_code=USD`), 200).variant;
    expect(inUsd.calculated_price).toBe(2500);

    // A cart's region prices it as the cart would.
    const cart = expectStatus(await store.request("/store/carts", { body: { region_id: region.id } }), 200).cart;
    const forCart = expectStatus(await store.request(`/store/variants/${small.id}?cart_id=${cart.id}`), 200).variant;
    expect(forCart.calculated_price).toBe(1800);
    const line = expectStatus(await store.request(`/store/carts/${cart.id}/line-items`, { body: { variant_id: small.id, quantity: 1 } }), 200).cart.items[0];
    expect(line.unit_price).toBe(forCart.calculated_price);

    expect((await store.request(`/store/variants/${draft.variants[0].id}`)).status).toBe(404);
    expect((await store.request("/store/variants/variant_nope")).body).toMatchObject({ type: "not_found" });
    expect((await store.request(`/store/variants/${small.id}?cart_id=cart_nope`)).status).toBe(404);
    expect((await store.request(`/store/variants/${small.id}?region_id=reg_nope`)).status).toBe(404);
    expect((await store.request(`/store/variants/${small.id}?expand=product`)).status).toBe(400);
  });

  it("GET /store/variants lists published products' variants by ids or id, priced, newest first", async () => {
    const all = expectStatus(await store.request("/store/variants"), 200);
    expect(Object.keys(all)).toEqual(["variants"]);
    expect(all.variants.map((v: any) => v.sku)).toEqual(["MUG-BLUE", "SHIRT-L", "SHIRT-S"]);
    const [large, small] = [shirt.variants[1].id, shirt.variants[0].id];
    const byIds = expectStatus(await store.request(`/store/variants?ids=${small},${large},${draft.variants[0].id}&currency_code=eur`), 200).variants;
    expect(byIds.map((v: any) => [v.sku, v.calculated_price])).toEqual([
      ["SHIRT-L", 2200],
      ["SHIRT-S", 2000],
    ]);
    expect(byIds[0].product).toMatchObject({ id: shirt.id });
    const byId = expectStatus(await store.request(`/store/variants?id[]=${mug.variants[0].id}&region_id=${region.id}`), 200).variants;
    expect(byId.map((v: any) => [v.sku, v.calculated_price])).toEqual([["MUG-BLUE", 900]]);
    const page = expectStatus(await store.request("/store/variants?limit=1&offset=1"), 200).variants;
    expect(page.map((v: any) => v.sku)).toEqual(["SHIRT-L"]);
    expect((await store.request("/store/variants?ids=")).status).toBe(400);
    expect((await store.request("/store/variants?limit=201")).status).toBe(400);
    expect((await store.request("/store/variants?sku=x")).status).toBe(400);
    expect((await store.request("/store/variants?expand=product")).status).toBe(400);
  });

  it("GET /admin/variants lists every variant with q, id and paging", async () => {
    const all = expectStatus(await store.admin("/admin/variants"), 200);
    expect(all).toMatchObject({ count: 4, offset: 0, limit: 20 });
    expect(all.variants.map((v: any) => v.sku)).toEqual(["SECRET-1", "MUG-BLUE", "SHIRT-L", "SHIRT-S"]);
    expect(all.variants[0].product).toMatchObject({ id: draft.id, status: "draft" });
    const q = async (query: string) => expectStatus(await store.admin(`/admin/variants${query}`), 200);
    expect((await q("?q=shirt-")).variants.map((v: any) => v.sku)).toEqual(["SHIRT-L", "SHIRT-S"]);
    expect((await q("?q=big")).variants.map((v: any) => v.sku)).toEqual(["MUG-BLUE"]);
    expect((await q("?q=LARGE")).variants.map((v: any) => v.sku)).toEqual(["SHIRT-L"]);
    expect((await q("?q=100%25")).count).toBe(0);
    expect((await q(`?id=${mug.variants[0].id}`)).variants.map((v: any) => v.sku)).toEqual(["MUG-BLUE"]);
    const page = await q("?limit=2&offset=3");
    expect(page).toMatchObject({ count: 4, offset: 3, limit: 2 });
    expect(page.variants.map((v: any) => v.sku)).toEqual(["SHIRT-S"]);
    expect(await q("?offset=10")).toMatchObject({ variants: [], count: 4 });
    expect((await store.request("/admin/variants")).status).toBe(401);
    expect((await store.admin("/admin/variants?order=title")).status).toBe(400);
  });
});
