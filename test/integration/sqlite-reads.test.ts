import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, expectStatus } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

/**
 * On SQLite, write transactions take turns on the one connection TypeORM has;
 * reads made outside a transaction go to a read-only connection instead, so a
 * long write never holds the catalog or a cart up. (On PostgreSQL reads never
 * waited for writes on other rows, so this is SQLite's test.)
 */
describe("reads on SQLite while a write transaction is open", () => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore("sqlite", "sqlite_reads");
  });

  afterAll(async () => {
    await store?.close();
  });

  it("answers the catalog, a product, a region and a cart without waiting for the write to commit, and sees it once it has", async () => {
    const region = await createRegion(store, { currency_code: "dkk", countries: ["dk"] });
    const product = await createProduct(store, [{ inventory_quantity: 3, prices: [{ amount: 500, currency_code: "dkk" }] }]);
    const cart = expectStatus(await store.request("/store/carts", { body: { region_id: region.id } }), 200).cart;

    const unitOfWork = store.server.kernel.container.resolve<any>("unitOfWork");
    let release!: () => void;
    let committed = false;
    const writing = unitOfWork.run(async (tx: any) => {
      await tx.manager.query(`UPDATE "product" SET "title" = 'Renamed' WHERE "id" = ?`, [product.id]);
      await new Promise<void>((r) => (release = r));
    });
    void writing.then(() => (committed = true));
    await new Promise((r) => setTimeout(r, 50));

    const reads = await Promise.all([
      store.request("/store/products"),
      store.request(`/store/products/${product.id}`),
      store.request(`/store/regions/${region.id}`),
      store.request(`/store/carts/${cart.id}`),
    ]);
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(committed).toBe(false);
    // The open transaction's change is not seen before it commits…
    expect(reads[1].body.product.title).not.toBe("Renamed");

    release();
    await writing;
    // …and is, at once, after.
    expect(expectStatus(await store.request(`/store/products/${product.id}`), 200).product.title).toBe("Renamed");
  });
});
