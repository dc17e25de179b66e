import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

const MAX = Number.MAX_SAFE_INTEGER;

/** `round(a * numerator / denominator)`, halves up, in BigInt: the reference the API's totals must equal. */
const exact = (a: bigint, numerator: bigint, denominator: bigint) => (2n * a * numerator + denominator) / (2n * denominator);

/** Money columns are 64-bit: amounts past 2^31 - 1 work, amounts past 2^53 - 1 are refused, never rounded. */
describe.each(DATABASES)("money range on $name", ({ name }) => {
  let store: Store;
  let region: { id: string };
  let option: { id: string };

  const post = (path: string, body?: unknown) => store.request(path, { method: "POST", body });
  const action = (orderId: string, what: string, body: unknown = {}) => store.admin(`/admin/orders/${orderId}/${what}`, { body });
  const count = async (table: string) => {
    const [row] = await store.server.kernel.container.resolve<any>("dataSource").query(`SELECT COUNT(*) AS n FROM "${table}"`);
    return Number(row.n);
  };

  beforeAll(async () => {
    store = await startStore(name, "money_range");
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 4999);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("sells 10,000 units at 3,000.00 and keeps every total exact, through capture and a large refund", async () => {
    const product = await createProduct(store, [{ inventory_quantity: 10_000, prices: [{ amount: 300_000, currency_code: "dkk" }] }]);
    const variant = product.variants[0];
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: variant.id, quantity: 10_000 }] });
    // 3,000,000,000 of goods, 4,999 shipping, 25 % tax on both (1,249.75 rounds to 1,250).
    const totals = { subtotal: 3_000_000_000, shipping_total: 4999, item_tax_total: 750_000_000, shipping_tax_total: 1250, tax_total: 750_001_250 };
    const total = 3_750_006_249;
    expect(cart).toMatchObject({ ...totals, total });
    expect(cart.payment_session).toMatchObject({ amount: total });

    const order = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).data;
    expect(order).toMatchObject({ ...totals, total, discount_total: 0 });
    expect(order.items[0]).toMatchObject({ unit_price: 300_000, quantity: 10_000, subtotal: 3_000_000_000, total: 3_750_000_000 });
    expect(order.payments[0]).toMatchObject({ amount: total, amount_refunded: 0 });
    expect(typeof order.payments[0].amount).toBe("number");

    const captured = expectStatus(await action(order.id, "capture"), 200).order;
    expect(captured).toMatchObject({ payment_status: "captured", paid_total: total, refundable_amount: total });

    const refunded = expectStatus(await action(order.id, "refund", { amount: 3_000_000_000, reason: "return" }), 200).order;
    expect(refunded).toMatchObject({ payment_status: "partially_refunded", refunded_total: 3_000_000_000, refundable_amount: 750_006_249 });
    expect(refunded.refunds[0]).toMatchObject({ amount: 3_000_000_000 });
    expect(refunded.payments[0]).toMatchObject({ amount: total, amount_refunded: 3_000_000_000 });
    expect(expectStatus(await action(order.id, "refund", { amount: 750_006_250, reason: "other" }), 400)).toMatchObject({
      code: "refund_exceeds_captured",
    });
    expect(expectStatus(await action(order.id, "refund", { amount: MAX + 1, reason: "other" }), 400)).toMatchObject({
      type: "invalid_data",
      code: "invalid_request",
      field: "amount",
    });
    const last = expectStatus(await action(order.id, "refund", { amount: 750_006_249, reason: "other" }), 200).order;
    expect(last).toMatchObject({ payment_status: "refunded", refunded_total: total, refundable_amount: 0 });

    const read = expectStatus(await store.admin(`/admin/orders/${order.id}`), 200).order;
    expect(read).toMatchObject({ total, paid_total: total, refunded_total: total });
  });

  it("stores a price of Number.MAX_SAFE_INTEGER exactly, and refuses a larger, a huge or a negative one, creating nothing", async () => {
    const largest = await createProduct(store, [{ inventory_quantity: 1, prices: [{ amount: MAX, currency_code: "dkk" }] }]);
    const read = expectStatus(await store.admin(`/admin/products/${largest.id}`), 200).product;
    expect(read.variants[0].prices[0].amount).toBe(MAX);

    const products = await count("product");
    const prices = await count("money_amount");
    for (const amount of [MAX + 1, 1e300, -1, 2.5, "100"]) {
      const res = await store.admin("/admin/products", {
        body: {
          title: "Too dear",
          options: [{ title: "Size" }],
          variants: [{ title: "One", options: [{ value: "S" }], prices: [{ amount, currency_code: "dkk" }] }],
        },
      });
      expect(expectStatus(res, 400), `amount ${amount}`).toMatchObject({
        type: "invalid_data",
        code: "invalid_request",
        field: "variants.0.prices.0.amount",
        message: expect.stringContaining("variants.0.prices.0.amount"),
      });
    }
    expect(await count("product")).toBe(products);
    expect(await count("money_amount")).toBe(prices);

    const options = await count("shipping_option");
    for (const amount of [MAX + 1, 1e300, -1]) {
      const res = await store.admin("/admin/shipping-options", {
        body: { name: "Freight", region_id: region.id, provider_id: "manual", price_type: "flat_rate", amount },
      });
      expect(expectStatus(res, 400)).toMatchObject({ code: "invalid_request", field: "amount" });
    }
    expect(await count("shipping_option")).toBe(options);

    const discounts = await count("discount");
    for (const value of [MAX + 1, 1e300, -1]) {
      const res = await store.admin("/admin/discounts", { body: { code: "HUGE", rule: { type: "fixed", value }, regions: [region.id] } });
      expect(expectStatus(res, 400)).toMatchObject({ code: "invalid_request", field: "rule.value" });
    }
    expect(await count("discount")).toBe(discounts);
  });

  it("refuses a change that would take a cart's total past Number.MAX_SAFE_INTEGER with a 422, leaving the cart as it was", async () => {
    // 4e15 a unit: one unit totals 5e15 with tax; two would total 1e16, past 2^53 - 1.
    const product = await createProduct(store, [
      { inventory_quantity: 10, prices: [{ amount: 4e15, currency_code: "dkk" }] },
      { inventory_quantity: 10, prices: [{ amount: 4e15, currency_code: "dkk" }] },
    ]);
    const [a, b] = product.variants;
    const cart = expectStatus(await post("/store/carts", { region_id: region.id, items: [{ variant_id: a.id, quantity: 1 }] }), 200).cart;
    expect(cart).toMatchObject({ subtotal: 4e15, tax_total: 1e15, total: 5e15 });
    const line = cart.items[0];

    const tooLarge = { type: "unprocessable", code: "amount_too_large" };
    expect(expectStatus(await post(`/store/carts/${cart.id}/line-items/${line.id}`, { quantity: 2 }), 422)).toMatchObject(tooLarge);
    expect(expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: b.id, quantity: 1 }), 422)).toMatchObject(tooLarge);
    expect(expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: a.id, quantity: 1 }), 422)).toMatchObject(tooLarge);
    const costly = await createShippingOption(store, region.id, MAX - 1);
    expect(expectStatus(await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: costly.id }), 422)).toMatchObject(tooLarge);

    const after = expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart;
    expect(after).toMatchObject({ subtotal: 4e15, tax_total: 1e15, total: 5e15, shipping_methods: [] });
    expect(after.items).toEqual([expect.objectContaining({ id: line.id, variant_id: a.id, quantity: 1, unit_price: 4e15 })]);

    // A unit price times the most units a line holds can pass 2^53 - 1 on its own; the cart is not created.
    const carts = await count("cart");
    const dear = await createProduct(store, [{ manage_inventory: false, prices: [{ amount: 1e12, currency_code: "dkk" }] }]);
    const res = await post("/store/carts", { region_id: region.id, items: [{ variant_id: dear.variants[0].id, quantity: 10_000 }] });
    expect(expectStatus(res, 422)).toMatchObject(tooLarge);
    expect(await count("cart")).toBe(carts);
  });

  it("computes tax and percentage discounts exactly where doubles would round wrongly", async () => {
    const taxed = await createRegion(store, { name: "Decimals", currency_code: "dkk", tax_rate: 7.3, countries: [] });
    // 3,377,699,720,528,186 × 33 / 100 in doubles rounds to …302; exactly it is …301.38.
    const price = 3_377_699_720_528_186n;
    const product = await createProduct(store, [{ manage_inventory: false, prices: [{ amount: Number(price), region_id: taxed.id }] }]);
    const discount = expectStatus(
      await store.admin("/admin/discounts", { body: { code: "THIRD", rule: { type: "percentage", value: 33, allocation: "total" }, regions: [taxed.id] } }),
      200,
    ).discount;
    expect(discount.rule.value).toBe(33);

    const created = expectStatus(await post("/store/carts", { region_id: taxed.id, items: [{ variant_id: product.variants[0].id, quantity: 1 }] }), 200).cart;
    const plain = { subtotal: price, tax: exact(price, 73n, 1000n) };
    expect(created).toMatchObject({ subtotal: Number(price), tax_total: Number(plain.tax), total: Number(price + plain.tax) });

    const cart = expectStatus(await post(`/store/carts/${created.id}/discounts/THIRD`), 200).cart;
    const off = exact(price, 33n, 100n);
    const tax = exact(price - off, 73n, 1000n);
    expect(off).toBe(1_114_640_907_774_301n);
    expect(cart).toMatchObject({
      subtotal: Number(price),
      discount_total: Number(off),
      tax_total: Number(tax),
      total: Number(price - off + tax),
    });
  });

  it.runIf(name === "postgres")("widens every money column to bigint on PostgreSQL", async () => {
    const rows: { table_name: string; column_name: string; data_type: string }[] = await store.server.kernel.container
      .resolve<any>("dataSource")
      .query(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = current_schema() AND (table_name, column_name) IN (
            ('money_amount', 'amount'), ('shipping_option', 'amount'), ('shipping_method', 'price'), ('discount_rule', 'value'),
            ('line_item', 'unit_price'), ('line_item_adjustment', 'amount'), ('cart_completion', 'amount'),
            ('payment_session', 'amount'), ('payment', 'amount'), ('payment', 'amount_refunded'), ('refund', 'amount'))`,
      );
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.data_type !== "bigint")).toEqual([]);
  });

  it.runIf(name === "postgres")("widens in place, and narrows back only while every value fits", async () => {
    const migration = (migrationName: string) => {
      const found = store.server.kernel.project.migrations.find((m) => m.name === migrationName);
      return new found!.migration();
    };
    const runner = store.server.kernel.container.resolve<any>("dataSource").createQueryRunner();
    const typeOf = async (table: string, column: string) =>
      (await runner.query(`SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`, [table, column]))[0]
        .data_type;
    try {
      // The first test's payment and refunds hold 3,750,006,249: they do not fit an integer, so `down` fails and changes nothing.
      await runner.startTransaction();
      await expect(migration("WidenPaymentAmounts1730000490004").down(runner)).rejects.toThrow(/out of range/);
      await runner.rollbackTransaction();
      expect(await typeOf("payment", "amount")).toBe("bigint");

      // Discount rules hold small values: they go back to integer and forth to bigint, values kept.
      await runner.startTransaction();
      const before = await runner.query(`SELECT "id", "value" FROM "discount_rule" ORDER BY "id"`);
      expect(before.length).toBeGreaterThan(0);
      await migration("WidenDiscountRuleValue1730000490002").down(runner);
      expect(await typeOf("discount_rule", "value")).toBe("integer");
      await migration("WidenDiscountRuleValue1730000490002").up(runner);
      expect(await typeOf("discount_rule", "value")).toBe("bigint");
      const after = await runner.query(`SELECT "id", "value" FROM "discount_rule" ORDER BY "id"`);
      expect(after).toEqual(before);
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const order = await store.admin("/admin/orders?limit=1&order=created_at");
    expect(expectStatus(order, 200).orders[0]).toMatchObject({ total: 3_750_006_249 });
  });
});
