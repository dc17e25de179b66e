import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("tax rates and tax-inclusive prices on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "tax_inclusive");
  });
  afterAll(() => store?.close());

  let holder: string | undefined;
  /** A region that ships to Denmark (the checkout helper's address), taking it from the last one. */
  async function shopRegion(body: Record<string, unknown>) {
    if (holder) expectStatus(await store.admin(`/admin/regions/${holder}/countries/dk`, { method: "DELETE" }), 200);
    const region = await createRegion(store, { ...body, countries: ["dk"] });
    holder = region.id;
    return region;
  }
  const rate = async (body: Record<string, unknown>) => expectStatus(await store.admin("/admin/tax-rates", { body }), 200).tax_rate;
  const lineOf = (cart: any, variantId: string) => cart.items.find((i: { variant_id: string }) => i.variant_id === variantId);
  const ratesOf = (taxLines: { rate: number }[]) => taxLines.map((t) => t.rate);

  it("taxes a line at its product's rates, else its product type's, else the region's; shipping at its option's, else the region's", async () => {
    const region = await shopRegion({ tax_rate: 25 });
    const reduced = await createProduct(store, [{ prices: [{ currency_code: "dkk", amount: 999 }], inventory_quantity: 10 }], { type: { value: "Books" } });
    const typed = await createProduct(store, [{ prices: [{ currency_code: "dkk", amount: 1000 }], inventory_quantity: 10 }], { type: { value: "Books" } });
    const plain = await createProduct(store, [{ prices: [{ currency_code: "dkk", amount: 1000 }], inventory_quantity: 10 }]);
    const typeId = expectStatus(await store.admin(`/admin/products/${typed.id}`), 200).product.type_id;
    const freeShipping = await createShippingOption(store, region.id, 500);
    const taxedShipping = await createShippingOption(store, region.id, 300);
    await rate({ region_id: region.id, code: "reduced", name: "Reduced", rate: 12.5, products: [reduced.id] });
    await rate({ region_id: region.id, code: "books", name: "Books", rate: 10, product_types: [typeId] });
    await rate({ region_id: region.id, code: "ship0", name: "No tax on shipping", rate: 0, shipping_options: [freeShipping.id] });
    const elsewhere = await createRegion(store, { tax_rate: 20 });
    await rate({ region_id: elsewhere.id, code: "other", name: "Other region", rate: 1, products: [plain.id] });

    let cart = await readyCart(store, {
      regionId: region.id,
      optionId: freeShipping.id,
      items: [
        { variant_id: reduced.variants[0].id, quantity: 3 },
        { variant_id: typed.variants[0].id, quantity: 1 },
        { variant_id: plain.variants[0].id, quantity: 1 },
      ],
    });
    expect(ratesOf(lineOf(cart, reduced.variants[0].id).tax_lines)).toEqual([12.5]);
    expect(lineOf(cart, reduced.variants[0].id)).toMatchObject({ subtotal: 2997, tax_total: 375, total: 3372, includes_tax: false });
    expect(lineOf(cart, typed.variants[0].id)).toMatchObject({ tax_total: 100, tax_lines: [{ rate: 10, code: "books", name: "Books" }] });
    expect(lineOf(cart, plain.variants[0].id)).toMatchObject({ tax_total: 250, tax_lines: [{ rate: 25, code: "default" }] });
    expect(cart.shipping_methods[0].tax_lines).toMatchObject([{ rate: 0, code: "ship0" }]);
    expect(cart).toMatchObject({ subtotal: 4997, shipping_total: 500, shipping_tax_total: 0, item_tax_total: 725, tax_total: 725, total: 6222 });

    cart = expectStatus(await store.request(`/store/carts/${cart.id}/shipping-methods`, { body: { option_id: taxedShipping.id } }), 200).cart;
    expect(cart.shipping_methods.map((m: any) => ratesOf(m.tax_lines))).toEqual([[25]]);
    expect(cart).toMatchObject({ shipping_total: 300, shipping_tax_total: 75, tax_total: 800, total: 6097 });
  });

  it("extracts tax from tax-inclusive prices exactly, to the cent, through to the order", async () => {
    const region = await shopRegion({ tax_rate: 25, includes_tax: true });
    const product = await createProduct(store, [
      { prices: [{ currency_code: "dkk", amount: 1000 }], inventory_quantity: 10 },
      { prices: [{ currency_code: "dkk", amount: 999 }], inventory_quantity: 10 },
    ]);
    const [big, odd] = product.variants;
    const option = await createShippingOption(store, region.id, 500, { includes_tax: true });
    expect(option).toMatchObject({ includes_tax: true });
    const cart = await readyCart(store, {
      regionId: region.id,
      optionId: option.id,
      items: [
        { variant_id: big.id, quantity: 3 },
        { variant_id: odd.id, quantity: 1 },
      ],
    });
    expect(lineOf(cart, big.id)).toMatchObject({ includes_tax: true, unit_price: 1000, subtotal: 2400, tax_total: 600, total: 3000, original_total: 3000 });
    expect(lineOf(cart, odd.id)).toMatchObject({ includes_tax: true, unit_price: 999, subtotal: 799, tax_total: 200, total: 999 });
    expect(cart.shipping_methods[0]).toMatchObject({ price: 500, includes_tax: true });
    // What the shopper saw on the shelf is what they pay: 3 × 10.00 + 9.99 + 5.00.
    expect(cart).toMatchObject({ subtotal: 3199, shipping_total: 400, item_tax_total: 800, shipping_tax_total: 100, tax_total: 900, total: 4499 });
    expect(cart.subtotal - cart.discount_total + cart.shipping_total + cart.tax_total).toBe(cart.total);

    const done = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200);
    expect(done.type).toBe("order");
    const order = expectStatus(await store.admin(`/admin/orders/${done.data.id}`), 200).order;
    expect(order).toMatchObject({ subtotal: 3199, shipping_total: 400, tax_total: 900, total: 4499 });
    expect(order.items.every((i: { includes_tax: boolean }) => i.includes_tax)).toBe(true);
    expect(order.shipping_methods[0]).toMatchObject({ includes_tax: true });
    expect(order.payments?.[0]?.amount ?? done.data.total).toBe(4499);
  });

  it("takes tax-inclusive prices from the currency too, with odd rates and overrides", async () => {
    expectStatus(await store.admin("/admin/currencies/eur", { body: { includes_tax: true } }), 200);
    const region = await shopRegion({ currency_code: "eur", tax_rate: 7.5 });
    const product = await createProduct(store, [{ prices: [{ currency_code: "eur", amount: 1999 }], inventory_quantity: 10 }]);
    const other = await createProduct(store, [{ prices: [{ currency_code: "eur", amount: 1999 }], inventory_quantity: 10 }]);
    await rate({ region_id: region.id, code: "a", name: "A", rate: 5, products: [other.id] });
    await rate({ region_id: region.id, code: "b", name: "B", rate: 2.25, products: [other.id] });
    const option = await createShippingOption(store, region.id, 0);
    const cart = await readyCart(store, {
      regionId: region.id,
      optionId: option.id,
      items: [
        { variant_id: product.variants[0].id, quantity: 7 },
        { variant_id: other.variants[0].id, quantity: 1 },
      ],
    });
    // 13993 × 7.5 / 107.5 = 976.25… -> 976; 1999 × 7.25 / 107.25 = 135.13… -> 135 (one rounding for both rates).
    expect(lineOf(cart, product.variants[0].id)).toMatchObject({ includes_tax: true, subtotal: 13017, tax_total: 976, total: 13993 });
    expect(lineOf(cart, other.variants[0].id)).toMatchObject({ subtotal: 1864, tax_total: 135, total: 1999 });
    expect(ratesOf(lineOf(cart, other.variants[0].id).tax_lines).sort()).toEqual([2.25, 5]);
    expect(cart).toMatchObject({ subtotal: 14881, tax_total: 1111, total: 15992 });
    expectStatus(await store.admin("/admin/currencies/eur", { body: { includes_tax: false } }), 200);
  });

  it("shows variants' prices with and without tax, and store shipping options' price_incl_tax", async () => {
    const exclusive = await createRegion(store, { tax_rate: 25 });
    const inclusive = await createRegion(store, { tax_rate: 25, includes_tax: true });
    const product = await createProduct(store, [{ prices: [{ currency_code: "dkk", amount: 1000 }], inventory_quantity: 5 }]);
    const reduced = await createProduct(store, [{ prices: [{ currency_code: "dkk", amount: 999 }] }]);
    const variantOf = async (productId: string, regionId: string) =>
      expectStatus(await store.request(`/store/products/${productId}?region_id=${regionId}`), 200).product.variants[0];
    expect(await variantOf(product.id, exclusive.id)).toMatchObject({
      calculated_price: 1000,
      calculated_price_incl_tax: 1250,
      calculated_tax: 250,
      original_price_incl_tax: 1250,
      original_tax: 250,
      tax_rates: [{ rate: 25, name: "default", code: "default" }],
    });
    expect(await variantOf(product.id, inclusive.id)).toMatchObject({ calculated_price: 1000, calculated_price_incl_tax: 1000, calculated_tax: 200, original_tax: 200 });

    await rate({ region_id: exclusive.id, code: "reduced", name: "Reduced", rate: 12.5, products: [reduced.id] });
    expect(await variantOf(reduced.id, exclusive.id)).toMatchObject({ calculated_price: 999, calculated_price_incl_tax: 1124, calculated_tax: 125, tax_rates: [{ rate: 12.5, code: "reduced" }] });
    const listed = expectStatus(await store.request(`/store/products?region_id=${exclusive.id}&id[]=${reduced.id}`), 200).products;
    expect(listed[0].variants[0]).toMatchObject({ calculated_price_incl_tax: 1124 });
    const variant = expectStatus(await store.request(`/store/variants/${reduced.variants[0].id}?region_id=${exclusive.id}`), 200).variant;
    expect(variant).toMatchObject({ calculated_price_incl_tax: 1124, calculated_tax: 125 });
    const noRegion = expectStatus(await store.request(`/store/products/${product.id}?currency_code=dkk`), 200).product.variants[0];
    expect(noRegion.calculated_price).toBe(1000);
    expect(noRegion.calculated_price_incl_tax).toBeUndefined();

    const taxed = await createShippingOption(store, exclusive.id, 500);
    const gross = await createShippingOption(store, exclusive.id, 500, { includes_tax: true });
    const exempt = await createShippingOption(store, exclusive.id, 500);
    await rate({ region_id: exclusive.id, code: "exempt", name: "Exempt", rate: 0, shipping_options: [exempt.id] });
    const options = expectStatus(await store.request(`/store/shipping-options?region_id=${exclusive.id}`), 200).shipping_options;
    const inclOf = (id: string) => options.find((o: { id: string }) => o.id === id).price_incl_tax;
    expect([inclOf(taxed.id), inclOf(gross.id), inclOf(exempt.id)]).toEqual([625, 500, 500]);
    const cart = expectStatus(await store.request("/store/carts", { body: { region_id: exclusive.id } }), 200).cart;
    expectStatus(await store.request(`/store/carts/${cart.id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 1 } }), 200);
    const forCart = expectStatus(await store.request(`/store/shipping-options/${cart.id}`), 200).shipping_options;
    expect(forCart.find((o: { id: string }) => o.id === taxed.id)).toMatchObject({ amount: 500, includes_tax: false, price_incl_tax: 625 });
  });
});
