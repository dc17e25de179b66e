import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("the stock check constraint on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "stock_guard");
    await createRegion(store);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("refuses negative stock for a tracked variant, at the API and in the database", async () => {
    const product = await createProduct(store, [
      { title: "Tracked", inventory_quantity: 1, manage_inventory: true, allow_backorder: false, prices: [{ amount: 100, currency_code: "eur" }] },
      { title: "Backorder", inventory_quantity: 0, manage_inventory: true, allow_backorder: true, prices: [{ amount: 100, currency_code: "eur" }] },
    ]);
    const [tracked, backorder] = product.variants;

    const api = await store.admin(`/admin/products/${product.id}/variants/${tracked.id}`, { body: { inventory_quantity: -1 } });
    expect(api.status).toBe(400);
    expect(api.body).toMatchObject({ type: "invalid_data" });

    const dataSource = store.server.kernel.project.dataSource;
    const p = dataSource.options.type === "postgres" ? "$1" : "?";
    await expect(dataSource.query(`UPDATE product_variant SET inventory_quantity = -1 WHERE id = ${p}`, [tracked.id])).rejects.toThrow(/CHK_product_variant_stock|CHECK constraint failed/i);
    await dataSource.query(`UPDATE product_variant SET inventory_quantity = -3 WHERE id = ${p}`, [backorder.id]);
    const [row] = await dataSource.query(`SELECT inventory_quantity FROM product_variant WHERE id = ${p}`, [backorder.id]);
    expect(Number(row.inventory_quantity)).toBe(-3);
  });
});
