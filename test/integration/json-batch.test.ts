import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegion } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { kiosk } from "../helpers/kiosk";
import { startStore, type Store } from "../helpers/store";

/**
 * `JsonBatch.whenAny`: parts that most views find empty (returns, gift cards,
 * discount conditions) are read only when a flag in the batch's statement says
 * there are rows. A part whose SQL would fail (a column that does not exist)
 * proves a group was not read: the batch runs without error.
 */
describe.each(DATABASES)("JsonBatch.whenAny on $name", ({ name }) => {
  let store: Store;
  const { JsonBatch, sql } = kiosk;
  const read = <T>(work: (manager: any) => Promise<T>): Promise<T> =>
    store.server.kernel.container.resolve<any>("unitOfWork").read(work);

  beforeAll(async () => {
    store = await startStore(name, "json_batch");
    await createRegion(store, { name: "Batch Land", currency_code: "dkk", countries: ["dk"] });
  });

  afterAll(async () => {
    await store?.close();
  });

  it("reads a group's parts when its subquery finds a row, and fills them empty without reading them when it does not", async () => {
    await read(async (manager) => {
      const batch = new JsonBatch(manager);
      const regions = batch.rows<any>("Region", sql`t."name" = ${"Batch Land"}`);
      const found = batch.whenAny(sql`SELECT 1 FROM "region" WHERE "name" = ${"Batch Land"}`, () =>
        batch.rows<any>("Region", sql`t."name" = ${"Batch Land"}`),
      );
      const missing = batch.whenAny(sql`SELECT 1 FROM "region" WHERE "name" = ${"Nowhere"}`, () =>
        batch.rows<any>("Region", sql`t."no_such_column" = 1`),
      );
      await batch.run();
      expect(regions.rows.map((r) => r.name)).toEqual(["Batch Land"]);
      expect(found.rows.map((r) => r.name)).toEqual(["Batch Land"]);
      expect(found.rows[0].created_at).toBeInstanceOf(Date);
      expect(missing.rows).toEqual([]);
    });
  });

  it("reads nested groups level by level, and skips an inner group whose subquery finds nothing", async () => {
    await read(async (manager) => {
      const batch = new JsonBatch(manager);
      const result = batch.whenAny(sql`SELECT 1 FROM "region"`, () => {
        const outer = batch.rows<any>("Region", sql`t."name" = ${"Batch Land"}`);
        const inner = batch.whenAny(sql`SELECT 1 FROM "region" WHERE "currency_code" = ${"dkk"}`, () =>
          batch.rows<any>("Region", sql`t."currency_code" = ${"dkk"}`),
        );
        const skipped = batch.whenAny(sql`SELECT 1 FROM "region" WHERE "currency_code" = ${"xxx"}`, () =>
          batch.whenAny(sql`SELECT "no_such_column" FROM "region"`, () => batch.rows<any>("Region", sql`t."no_such_column" = 1`)),
        );
        return { outer, inner, skipped };
      });
      await batch.run();
      expect(result.outer.rows).toHaveLength(1);
      expect(result.inner.rows.map((r) => r.currency_code)).toEqual(["dkk"]);
      expect(result.skipped.rows).toEqual([]);
    });
  });

  it("runs a batch of nothing but a group that finds nothing", async () => {
    await read(async (manager) => {
      const batch = new JsonBatch(manager);
      const none = batch.whenAny(sql`SELECT 1 FROM "region" WHERE "id" = ${"reg_none"}`, () => batch.rows<any>("Region", sql`1 = 1`));
      await batch.run();
      expect(none.rows).toEqual([]);
    });
  });
});
