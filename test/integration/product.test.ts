import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { recordEvents } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("products on $name", ({ name }) => {
  let store: Store;
  let events: string[] = [];
  let eu: { id: string };
  let collection: { id: string; handle: string };
  let shirts: { id: string };
  let tees: { id: string };
  let shirt: any;

  const count = async (table: string) => {
    const [row] = await store.server.kernel.container.resolve<any>("dataSource").query(`SELECT COUNT(*) AS n FROM "${table}"`);
    return Number(row.n);
  };
  const create = (body: Record<string, unknown>) => store.admin("/admin/products", { body });
  const shirtBody = () => ({
    title: "Classic Shirt",
    description: "A CLASSIC cotton shirt",
    status: "published",
    collection_id: collection.id,
    categories: [{ id: tees.id }],
    tags: [{ value: "cotton" }, { value: "summer" }],
    images: ["https://img.test/shirt-1.png", "https://img.test/shirt-2.png"],
    options: [{ title: "Size" }, { title: "Color" }],
    variants: [
      {
        title: "S / Black",
        sku: "SHIRT-S-BLACK",
        inventory_quantity: 10,
        prices: [
          { amount: 2500, currency_code: "EUR" },
          { amount: 2200, region_id: eu.id },
          { amount: 3000, currency_code: "usd" },
        ],
        options: [{ value: "S" }, { value: "Black" }],
      },
      {
        title: "M / Black",
        sku: "SHIRT-M-BLACK",
        manage_inventory: false,
        allow_backorder: true,
        prices: [{ amount: 2600, currency_code: "eur" }],
        options: [{ value: "M" }, { value: "Black" }],
      },
    ],
  });

  beforeAll(async () => {
    store = await startStore(name, "product");
    events = recordEvents(store).names;
    const region = await store.admin("/admin/regions", { body: { name: "EU", currency_code: "eur", tax_rate: 0, countries: ["de"] } });
    expect(region.status).toBe(200);
    eu = region.body.region;
    collection = (await store.admin("/admin/collections", { body: { title: "Summer Drop" } })).body.collection;
    shirts = (await store.admin("/admin/product-categories", { body: { name: "Shirts", is_active: true } })).body.product_category;
    tees = (await store.admin("/admin/product-categories", { body: { name: "Tees", is_active: true, parent_category_id: shirts.id } }))
      .body.product_category;
  });

  afterAll(async () => {
    await store?.close();
  });

  it("creates a product with options, variants, prices, tags, images, collection and categories in one call", async () => {
    const res = await create(shirtBody());
    expect(res.status).toBe(200);
    shirt = res.body.product;
    expect(shirt).toMatchObject({
      title: "Classic Shirt",
      handle: "classic-shirt",
      status: "published",
      is_giftcard: false,
      discountable: true,
      thumbnail: "https://img.test/shirt-1.png",
      collection_id: collection.id,
      collection: { id: collection.id, title: "Summer Drop", handle: "summer-drop" },
      categories: [{ id: tees.id, name: "Tees" }],
    });
    expect(shirt.id).toMatch(/^prod_/);
    expect(shirt.options.map((o: any) => o.title)).toEqual(["Size", "Color"]);
    expect(shirt.options[0].id).toMatch(/^popt_/);
    expect(shirt.options[0].values.map((v: any) => v.value).sort()).toEqual(["M", "S"]);
    expect(shirt.images.map((i: any) => [i.url, i.rank])).toEqual([
      ["https://img.test/shirt-1.png", 0],
      ["https://img.test/shirt-2.png", 1],
    ]);
    expect(shirt.images[0].id).toMatch(/^img_/);
    expect(shirt.tags.map((t: any) => t.value).sort()).toEqual(["cotton", "summer"]);
    expect(shirt.tags[0].id).toMatch(/^ptag_/);

    const [small, medium] = shirt.variants;
    expect(small).toMatchObject({
      title: "S / Black",
      sku: "SHIRT-S-BLACK",
      inventory_quantity: 10,
      manage_inventory: true,
      allow_backorder: false,
      variant_rank: 0,
    });
    expect(small.id).toMatch(/^variant_/);
    expect(medium).toMatchObject({ sku: "SHIRT-M-BLACK", inventory_quantity: 0, manage_inventory: false, allow_backorder: true, variant_rank: 1 });
    const byOption = (v: any) => shirt.options.map((o: any) => v.options.find((x: any) => x.option_id === o.id).value);
    expect(byOption(small)).toEqual(["S", "Black"]);
    expect(byOption(medium)).toEqual(["M", "Black"]);
    expect(small.options[0].id).toMatch(/^optval_/);
    expect(small.prices.map((p: any) => [p.currency_code, p.amount, p.region_id])).toEqual([
      ["eur", 2500, null],
      ["eur", 2200, eu.id],
      ["usd", 3000, null],
    ]);
    expect(small.prices[0].id).toMatch(/^ma_/);

    const again = await store.admin(`/admin/products/${shirt.id}`);
    expect(again.status).toBe(200);
    expect(again.body.product).toEqual(shirt);
    await store.server.kernel.container.resolve<any>("eventBus").drain?.();
    expect(events).toEqual(expect.arrayContaining(["product.created", "product-variant.created"]));
  });

  it("hides drafts from the store and 404s them", async () => {
    const draft = await create({ title: "Secret Hoodie", options: [{ title: "Size" }], variants: [{ title: "One", options: [{ value: "L" }] }] });
    expect(draft.status).toBe(200);
    expect(draft.body.product.status).toBe("draft");

    const list = await store.request("/store/products");
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ count: 1, offset: 0, limit: 100 });
    expect(list.body.products.map((p: any) => p.id)).toEqual([shirt.id]);
    expect((await store.request(`/store/products/${draft.body.product.id}`)).status).toBe(404);
    expect((await store.request("/store/products/prod_nope")).body).toMatchObject({ type: "not_found" });

    const one = await store.request(`/store/products/${shirt.id}`);
    expect(one.status).toBe(200);
    expect(one.body.product).toMatchObject({ id: shirt.id, handle: "classic-shirt", collection: { id: collection.id } });
    expect(one.body.product.variants).toHaveLength(2);
    expect(one.body.product.categories).toBeUndefined();

    const admin = await store.admin("/admin/products?status[]=draft");
    expect(admin.body.products.map((p: any) => p.title)).toEqual(["Secret Hoodie"]);
    await store.admin(`/admin/products/${draft.body.product.id}`, { method: "DELETE" });
  });

  it("calculates prices for a region or a currency", async () => {
    const prices = async (query: string) => {
      const res = await store.request(`/store/products/${shirt.id}?${query}`);
      expect(res.status, query).toBe(200);
      return res.body.product.variants.map((v: any) => [v.calculated_price, v.original_price, v.calculated_price_type]);
    };
    expect(await prices(`region_id=${eu.id}`)).toEqual([
      [2200, 2200, "default"],
      [2600, 2600, "default"],
    ]);
    expect(await prices("currency_code=EUR")).toEqual([
      [2500, 2500, "default"],
      [2600, 2600, "default"],
    ]);
    expect(await prices("currency_code=usd")).toEqual([
      [3000, 3000, "default"],
      [null, null, null],
    ]);
    expect(await prices("")).toEqual([
      [undefined, undefined, undefined],
      [undefined, undefined, undefined],
    ]);

    const list = await store.request(`/store/products?region_id=${eu.id}`);
    expect(list.body.products[0].variants[0]).toMatchObject({ calculated_price: 2200, prices: expect.any(Array) });

    const unknown = await store.request("/store/products?region_id=reg_nope");
    expect(unknown.status).toBe(404);
    expect((await store.request(`/store/products/${shirt.id}?region_id=reg_nope`)).status).toBe(404);
    expect((await store.request("/store/products?currency_code=euro")).status).toBe(400);
  });

  it("filters and paginates the store list", async () => {
    const other = await store.admin("/admin/collections", { body: { title: "Basics", handle: "basics" } });
    const hidden = await store.admin("/admin/product-categories", { body: { name: "Hidden", is_active: false } });
    const made: any[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await create({
        title: `Plain Tee ${i}`,
        status: "published",
        collection_id: other.body.collection.id,
        categories: i === 1 ? [{ id: shirts.id }] : i === 2 ? [{ id: hidden.body.product_category.id }] : [],
        tags: i <= 2 ? [{ value: "cotton" }] : [{ value: "linen" }],
        is_giftcard: i === 5,
      });
      expect(res.status).toBe(200);
      made.push(res.body.product);
    }
    const cotton = shirt.tags.find((t: any) => t.value === "cotton").id;
    expect(made[0].tags[0].id).toBe(cotton);

    const ids = async (query: string) => {
      const res = await store.request(`/store/products?${query}`);
      expect(res.status, query).toBe(200);
      return res.body.products.map((p: any) => p.title).sort();
    };
    expect(await ids("q=classic")).toEqual(["Classic Shirt"]);
    expect(await ids("q=COTTON")).toEqual(["Classic Shirt"]);
    expect(await ids("q=plain-tee-3")).toEqual(["Plain Tee 3"]);
    expect(await ids("q=%25")).toEqual([]);
    expect(await ids(`collection_id[]=${collection.id}`)).toEqual(["Classic Shirt"]);
    expect(await ids(`tags[]=${cotton}`)).toEqual(["Classic Shirt", "Plain Tee 1", "Plain Tee 2"]);
    expect(await ids(`category_id[]=${shirts.id}`)).toEqual(["Plain Tee 1"]);
    expect(await ids(`category_id[]=${shirts.id}&include_category_children=true`)).toEqual(["Classic Shirt", "Plain Tee 1"]);
    expect(await ids(`category_id[]=${hidden.body.product_category.id}`)).toEqual([]);
    expect(await ids(`id=${made[0].id},${made[1].id}`)).toEqual(["Plain Tee 1", "Plain Tee 2"]);
    expect(await ids(`id[]=${made[3].id}`)).toEqual(["Plain Tee 4"]);
    expect(await ids("handle=plain-tee-2")).toEqual(["Plain Tee 2"]);
    expect(await ids("is_giftcard=true")).toEqual(["Plain Tee 5"]);

    const page = await store.request("/store/products?limit=2&offset=1&order=title");
    expect(page.body).toMatchObject({ count: 6, offset: 1, limit: 2 });
    expect(page.body.products.map((p: any) => p.title)).toEqual(["Plain Tee 1", "Plain Tee 2"]);
    const past = await store.request("/store/products?limit=2&offset=10");
    expect(past.body).toMatchObject({ products: [], count: 6, offset: 10, limit: 2 });
    const newest = await store.request("/store/products?limit=1");
    expect(newest.body.products[0].title).toBe("Plain Tee 5");
    const last = await store.request("/store/products?limit=2&order=-title");
    expect(last.body.products.map((p: any) => p.title)).toEqual(["Plain Tee 5", "Plain Tee 4"]);

    const slim = await store.request(`/store/products/${shirt.id}?fields=title,handle&expand=variants.prices`);
    expect(Object.keys(slim.body.product).sort()).toEqual(["handle", "id", "title", "variants"]);
    expect(slim.body.product.variants[0].prices).toHaveLength(3);
    expect(slim.body.product.variants[0].options).toBeUndefined();

    const adminFiltered = await store.admin(`/admin/products?category_id[]=${hidden.body.product_category.id}`);
    expect(adminFiltered.body.products.map((p: any) => p.title)).toEqual(["Plain Tee 2"]);
    expect(adminFiltered.body.products[0].categories.map((c: any) => c.id)).toEqual([hidden.body.product_category.id]);
    const storeCategories = await store.request(`/store/products/${made[1].id}?expand=categories`);
    expect(storeCategories.body.product.categories).toEqual([]);
    const visible = await store.request(`/store/products/${made[0].id}?expand=categories,tags`);
    expect(visible.body.product.categories.map((c: any) => c.id)).toEqual([shirts.id]);
    expect(visible.body.product.variants).toBeUndefined();

    for (const q of ["limit=0", "limit=-1", "limit=201", "limit=100000", "offset=-1", "limit=abc", "nope=1", "order=password", "expand=secrets", "fields=evil", "is_giftcard=maybe", "status=draft"]) {
      const res = await store.request(`/store/products?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body, q).toMatchObject({ type: "invalid_data", code: expect.any(String), message: expect.any(String) });
    }
    // The store's largest product page is 200; the admin's 500.
    expect((await store.request("/store/products?limit=200")).body.limit).toBe(200);
    expect((await store.admin("/admin/products?limit=500")).body.limit).toBe(500);
    expect((await store.admin("/admin/products?limit=501")).status).toBe(400);
    for (const p of made) await store.admin(`/admin/products/${p.id}`, { method: "DELETE" });
  });

  it("manages a product's variants", async () => {
    const base = `/admin/products/${shirt.id}/variants`;
    const list = await store.admin(base);
    expect(list.body).toMatchObject({ count: 2, offset: 0, limit: 100 });
    expect(list.body.variants[0].prices).toHaveLength(3);
    const [size, color] = shirt.options;

    const added = await store.admin(base, {
      body: {
        title: "L / White",
        sku: "SHIRT-L-WHITE",
        prices: [{ amount: 2700, currency_code: "eur" }],
        options: [
          { option_id: color.id, value: "White" },
          { option_id: size.id, value: "L" },
        ],
      },
    });
    expect(added.status).toBe(200);
    const large = added.body.product.variants.find((v: any) => v.sku === "SHIRT-L-WHITE");
    expect(large).toMatchObject({ variant_rank: 2, manage_inventory: true });
    expect(Object.fromEntries(large.options.map((o: any) => [o.option_id, o.value]))).toEqual({ [size.id]: "L", [color.id]: "White" });

    const same = await store.admin(base, { body: { title: "Again", options: [{ value: "L" }, { value: "White" }] } });
    expect(same).toMatchObject({ status: 409, body: { type: "conflict" } });
    const short = await store.admin(base, { body: { title: "Short", options: [{ value: "XL" }] } });
    expect(short).toMatchObject({ status: 400, body: { type: "invalid_data", code: "invalid_option_values" } });
    const dupSku = await store.admin(base, { body: { title: "Dup", sku: "SHIRT-S-BLACK", options: [{ value: "XL" }, { value: "Red" }] } });
    expect(dupSku.status).toBe(409);
    expect((await store.admin("/admin/products/prod_nope/variants")).status).toBe(404);

    const updated = await store.admin(`${base}/${large.id}`, {
      body: { title: "L / Cream", inventory_quantity: 4, prices: [{ amount: 2900, region_id: eu.id }], options: [{ value: "L" }, { value: "Cream" }] },
    });
    expect(updated.status).toBe(200);
    const changed = updated.body.product.variants.find((v: any) => v.id === large.id);
    expect(changed).toMatchObject({ title: "L / Cream", inventory_quantity: 4, sku: "SHIRT-L-WHITE" });
    expect(changed.prices.map((p: any) => [p.amount, p.currency_code, p.region_id])).toEqual([[2900, "eur", eu.id]]);
    expect(changed.options.map((o: any) => o.value).sort()).toEqual(["Cream", "L"]);
    const clash = await store.admin(`${base}/${large.id}`, { body: { options: [{ value: "S" }, { value: "Black" }] } });
    expect(clash.status).toBe(409);
    const skuClash = await store.admin(`${base}/${large.id}`, { body: { sku: "SHIRT-M-BLACK" } });
    expect(skuClash.status).toBe(409);
    expect((await store.admin(`${base}/variant_nope`, { body: { title: "x" } })).status).toBe(404);

    const removed = await store.admin(`${base}/${large.id}`, { method: "DELETE" });
    expect(removed.body).toMatchObject({ variant_id: large.id, object: "product-variant", deleted: true });
    expect(removed.body.product.variants.map((v: any) => v.sku)).toEqual(["SHIRT-S-BLACK", "SHIRT-M-BLACK"]);
    expect((await store.admin(`${base}/${large.id}`, { method: "DELETE" })).status).toBe(404);
    await store.server.kernel.container.resolve<any>("eventBus").drain?.();
    expect(events).toEqual(expect.arrayContaining(["product-variant.updated", "product-variant.deleted"]));
  });

  it("updates a product and deletes it with everything it owns", async () => {
    const res = await create({
      title: "Linen Pants",
      options: [{ title: "Size" }],
      variants: [{ title: "M", sku: "PANTS-M", prices: [{ amount: 5000, currency_code: "eur" }], options: [{ value: "M" }] }],
      images: ["https://img.test/pants.png"],
      tags: [{ value: "linen" }],
      categories: [{ id: shirts.id }],
    });
    const pants = res.body.product;
    const updated = await store.admin(`/admin/products/${pants.id}`, {
      body: {
        title: "Linen Trousers",
        handle: "linen-trousers",
        status: "published",
        tags: [{ value: "linen" }, { value: "new" }],
        categories: [],
        images: ["https://img.test/a.png", "https://img.test/b.png"],
        metadata: { fit: "loose" },
        collection_id: null,
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.product).toMatchObject({
      title: "Linen Trousers",
      handle: "linen-trousers",
      status: "published",
      thumbnail: "https://img.test/pants.png",
      metadata: { fit: "loose" },
      categories: [],
      collection: null,
    });
    expect(updated.body.product.tags.map((t: any) => t.value).sort()).toEqual(["linen", "new"]);
    expect(updated.body.product.images.map((i: any) => i.url)).toEqual(["https://img.test/a.png", "https://img.test/b.png"]);
    expect(updated.body.product.variants).toHaveLength(1);
    const merged = await store.admin(`/admin/products/${pants.id}`, { body: { metadata: { lining: false } } });
    expect(merged.body.product.metadata).toEqual({ fit: "loose", lining: false });
    expect((await store.admin(`/admin/products/${pants.id}`, { body: { handle: "classic-shirt" } })).status).toBe(409);
    expect((await store.admin("/admin/products/prod_nope", { body: { title: "x" } })).status).toBe(404);

    const before = { variant: await count("product_variant"), price: await count("money_amount"), image: await count("image"), value: await count("product_option_value") };
    const deleted = await store.admin(`/admin/products/${pants.id}`, { method: "DELETE" });
    expect(deleted.body).toEqual({ id: pants.id, object: "product", deleted: true });
    expect((await store.admin(`/admin/products/${pants.id}`)).status).toBe(404);
    expect((await store.admin(`/admin/products/${pants.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await count("product_variant")).toBe(before.variant - 1);
    expect(await count("money_amount")).toBe(before.price - 1);
    expect(await count("image")).toBe(before.image - 2);
    expect(await count("product_option_value")).toBe(before.value - 1);
    const ds = store.server.kernel.container.resolve<any>("dataSource");
    for (const table of ["product_option", "product_tags", "product_category_product"]) {
      const [row] = await ds.query(`SELECT COUNT(*) AS n FROM "${table}" WHERE "product_id" = '${pants.id}'`);
      expect(Number(row.n), table).toBe(0);
    }
    await store.server.kernel.container.resolve<any>("eventBus").drain?.();
    expect(events).toEqual(expect.arrayContaining(["product.updated", "product.deleted"]));
  });

  it("refuses bad input with a 4xx and changes nothing", async () => {
    const tables = ["product", "product_variant", "money_amount", "product_option", "product_option_value", "product_tag", "product_tags", "image"];
    const snapshot = async () => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));
    const before = await snapshot();
    const good = shirtBody();
    const variant = (patch: Record<string, unknown>) => ({ ...good, handle: "x-shirt", variants: [{ ...good.variants[0], sku: "X-1", ...patch }] });
    const price = (patch: Record<string, unknown>) => variant({ prices: [{ amount: 100, currency_code: "eur", ...patch }] });
    const cases: [string, unknown, number][] = [
      ["unknown field", { ...good, handle: "x-shirt", vendor: "acme" }, 400],
      ["unknown variant field", variant({ color: "red" }), 400],
      ["missing title", { handle: "x-shirt" }, 400],
      ["wrong type", { ...good, handle: "x-shirt", title: 42 }, 400],
      ["bad status", { ...good, handle: "x-shirt", status: "live" }, 400],
      ["negative amount", price({ amount: -1 }), 400],
      ["fractional amount", price({ amount: 10.5 }), 400],
      ["amount past Number.MAX_SAFE_INTEGER", price({ amount: Number.MAX_SAFE_INTEGER + 1 }), 400],
      ["huge amount", price({ amount: 1e300 }), 400],
      ["amount as string", price({ amount: "100" }), 400],
      ["currency not 3 letters", price({ currency_code: "euro" }), 400],
      ["currency with digits", price({ currency_code: "e1r" }), 400],
      ["no currency or region", variant({ prices: [{ amount: 100 }] }), 400],
      ["unknown region", price({ currency_code: undefined, region_id: "reg_nope" }), 400],
      ["currency other than the region's", price({ currency_code: "usd", region_id: eu.id }), 400],
      ["negative inventory", variant({ inventory_quantity: -5 }), 400],
      ["too few option values", variant({ options: [{ value: "S" }] }), 400],
      ["too many option values", variant({ options: [{ value: "S" }, { value: "Red" }, { value: "Slim" }] }), 400],
      ["unknown collection", { ...good, handle: "x-shirt", collection_id: "pcol_nope" }, 400],
      ["unknown category", { ...good, handle: "x-shirt", categories: [{ id: "pcat_nope" }] }, 400],
      ["unknown tag id", { ...good, handle: "x-shirt", tags: [{ id: "ptag_nope" }] }, 400],
      ["empty tag", { ...good, handle: "x-shirt", tags: [{}] }, 400],
      ["bad handle", { ...good, handle: "Not A Slug" }, 400],
      ["duplicate handle", { ...good, variants: [{ ...good.variants[0], sku: "X-2" }] }, 409],
      ["duplicate sku", { ...good, handle: "x-shirt" }, 409],
      ["sku twice in one request", { ...good, handle: "x-shirt", variants: [{ ...good.variants[0], sku: "X-3" }, { ...good.variants[1], sku: "X-3" }] }, 409],
      ["same options twice", { ...good, handle: "x-shirt", variants: [{ ...good.variants[0], sku: "X-4" }, { ...good.variants[0], sku: "X-5" }] }, 409],
      ["duplicate option titles", { ...good, handle: "x-shirt", options: [{ title: "Size" }, { title: "Size" }] }, 400],
      ["not an object", [1, 2, 3], 400],
      ["invalid json", "{", 400],
    ];
    for (const [label, body, status] of cases) {
      const res = await create(body as Record<string, unknown>);
      expect(res.status, label).toBe(status);
      expect(res.body, label).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
    }
    expect(await snapshot()).toEqual(before);

    const badUpdates: [string, unknown][] = [
      ["unknown field", { vendor: "acme" }],
      ["options cannot change here", { options: [{ title: "Fit" }] }],
      ["unknown collection", { collection_id: "pcol_nope" }],
      ["unknown category", { categories: [{ id: "pcat_nope" }] }],
    ];
    for (const [label, body] of badUpdates) {
      expect((await store.admin(`/admin/products/${shirt.id}`, { body })).status, label).toBe(400);
    }
    const badPrices = await store.admin(`/admin/products/${shirt.id}/variants/${shirt.variants[0].id}`, { body: { prices: [{ amount: -3, currency_code: "eur" }] } });
    expect(badPrices.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    const unchanged = await store.admin(`/admin/products/${shirt.id}`);
    expect(unchanged.body.product.variants[0].prices).toHaveLength(3);
    expect(unchanged.body.product.categories).toEqual([expect.objectContaining({ id: tees.id })]);
  });

  it("creates the largest product the schema allows", async () => {
    const variants = Array.from({ length: 100 }, (_, i) => ({
      title: `V${i}`,
      options: [{ value: `v${i}` }],
      prices: Array.from({ length: 100 }, (_, j) => ({ amount: j, currency_code: "eur", min_quantity: j + 1 })),
    }));
    const res = await create({ title: "Huge", options: [{ title: "Number" }], variants });
    expect(res.status).toBe(200);
    expect(res.body.product.variants).toHaveLength(100);
    expect(res.body.product.variants[99].prices).toHaveLength(100);
    await store.admin(`/admin/products/${res.body.product.id}`, { method: "DELETE" });
  });
});
