import fs from "node:fs";
import path from "node:path";
import IORedis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { waitFor } from "../helpers/processes";
import { startStore, type Store } from "../helpers/store";

const REDIS_URL = process.env.KIOSK_TEST_REDIS_URL;
const DATABASE_URL = process.env.KIOSK_TEST_DATABASE_URL;

const HEADER = "Product Handle,Product Title,Product Description,Product Status,Variant Title,Variant SKU,Variant Inventory Quantity,Option 1 Name,Option 1 Value,Price USD,Price EUR";

/** Writes a CSV under the project's uploads/ and answers its file key. */
function upload(store: Store, name: string, lines: string[]): string {
  const key = `imports/${name}`;
  fs.mkdirSync(path.join(store.dir, "uploads", "imports"), { recursive: true });
  fs.writeFileSync(path.join(store.dir, "uploads", key), lines.join("\n") + "\n");
  return key;
}

/** Polls a job until it reaches one of `statuses`. */
async function settle(store: Store, id: string, statuses = ["completed", "failed"]): Promise<any> {
  let job: any;
  await waitFor(async () => {
    job = expectStatus(await store.admin(`/admin/batch-jobs/${id}`), 200).batch_job;
    return statuses.includes(job.status);
  }, 30_000, `batch job ${id} to be ${statuses.join(" or ")}`);
  return job;
}

async function productByHandle(store: Store, handle: string) {
  const { products } = expectStatus(await store.admin(`/admin/products?handle=${handle}&expand=variants,variants.prices,variants.options,options`), 200);
  return products[0];
}

const productCount = async (store: Store) => expectStatus(await store.admin("/admin/products?limit=1"), 200).count;

function batchJobSuite(label: string, start: () => Promise<Store>) {
  let store: Store;
  const create = (body: Record<string, unknown>) => store.admin("/admin/batch-jobs", { body });

  beforeAll(async () => {
    store = await start();
  });

  afterAll(async () => {
    await store?.close();
  });

  it(`imports products from Medusa's CSV template, creating then updating by handle and SKU (${label})`, async () => {
    const fileKey = upload(store, "first.csv", [
      HEADER,
      "shirt-import,Shirt,Soft cotton,published,Small,SHIRT-S,10,Size,S,1500,1400",
      "shirt-import,Shirt,Soft cotton,published,Large,SHIRT-L,5,Size,L,1600,",
      'mug-import,Mug,"A mug, white",draft,Default,MUG-1,3,,,800,',
    ]);
    const created = expectStatus(await create({ type: "product-import", context: { fileKey } }), 200).batch_job;
    expect(created).toMatchObject({ type: "product-import", status: "created", dry_run: false, context: { fileKey } });
    expect(created.id).toMatch(/^batch_/);
    const job = await settle(store, created.id);
    expect(job).toMatchObject({ status: "completed", result: { count: 2, rows: 3, created: 2, updated: 0, progress: 1, advancement_count: 2 } });
    for (const at of ["pre_processed_at", "confirmed_at", "processing_at", "completed_at"]) expect(job[at]).not.toBeNull();

    const shirt = await productByHandle(store, "shirt-import");
    expect(shirt).toMatchObject({ title: "Shirt", description: "Soft cotton", status: "published" });
    expect(shirt.options.map((o: { title: string }) => o.title)).toEqual(["Size"]);
    const small = shirt.variants.find((v: { sku: string }) => v.sku === "SHIRT-S");
    expect(small).toMatchObject({ title: "Small", inventory_quantity: 10 });
    expect(small.options[0].value).toBe("S");
    expect(small.prices.map((p: any) => [p.currency_code, p.amount]).sort()).toEqual([["eur", 1400], ["usd", 1500]]);
    expect((await productByHandle(store, "mug-import")).description).toBe("A mug, white");

    // The same handles again: updated in place, a new SKU added as a variant, nothing duplicated.
    const before = await productCount(store);
    const second = upload(store, "second.csv", [HEADER, "shirt-import,Shirt 2,,,Small,SHIRT-S,7,Size,S,1700,", "shirt-import,,,,Medium,SHIRT-M,2,Size,M,1650,"]);
    const updated = await settle(store, expectStatus(await create({ type: "product-import", context: { fileKey: second } }), 200).batch_job.id);
    expect(updated.result).toMatchObject({ count: 1, created: 0, updated: 1 });
    expect(await productCount(store)).toBe(before);
    const again = await productByHandle(store, "shirt-import");
    expect(again.title).toBe("Shirt 2");
    expect(again.variants.map((v: { sku: string }) => v.sku).sort()).toEqual(["SHIRT-L", "SHIRT-M", "SHIRT-S"]);
    const small2 = again.variants.find((v: { sku: string }) => v.sku === "SHIRT-S");
    expect(small2.inventory_quantity).toBe(7);
    expect(small2.prices.map((p: any) => [p.currency_code, p.amount])).toEqual([["usd", 1700]]);
  });

  it("fails a file with bad rows, naming each line, and imports nothing", async () => {
    const before = await productCount(store);
    const fileKey = upload(store, "bad.csv", [
      HEADER,
      "good-one,Good,,published,Default,GOOD-1,1,,,100,",
      "bad-price,Bad,,published,Default,BAD-1,1,,,12.50,",
      "no-title,,,published,Default,BAD-2,1,,,100,",
      "bad-status,Bad,,sold,Default,BAD-3,1,,,100,",
      "dup-sku,Dup,,published,Default,GOOD-1,1,,,100,",
    ]);
    const job = await settle(store, expectStatus(await create({ type: "product-import", context: { fileKey } }), 200).batch_job.id);
    expect(job.status).toBe("failed");
    expect(job.failed_at).not.toBeNull();
    const lines = job.result.errors.map((e: { line: number }) => e.line).sort();
    expect(lines).toEqual([3, 5, 6]); // the parser's checks; a missing title is checked against the store once the file parses
    expect(job.result.errors.find((e: any) => e.line === 3).message).toMatch(/Price USD.*whole number/);
    expect(await productCount(store)).toBe(before);

    const noTitle = upload(store, "no-title.csv", [HEADER, "good-two,Good,,published,Default,GOOD-2,1,,,100,", "no-title,,,published,Default,NT-1,1,,,100,"]);
    const failed = await settle(store, expectStatus(await create({ type: "product-import", context: { fileKey: noTitle } }), 200).batch_job.id);
    expect(failed.status).toBe("failed");
    expect(failed.result.errors).toEqual([expect.objectContaining({ line: 3, code: "invalid_row", message: expect.stringMatching(/Product Title/) })]);
    expect(await productCount(store)).toBe(before);

    // A SKU another product already has: refused while writing, and the whole import is undone.
    const clash = upload(store, "clash.csv", [HEADER, "fresh-one,Fresh,,published,Default,FRESH-1,1,,,100,", "clash-one,Clash,,published,Default,MUG-1,1,,,100,"]);
    const clashed = await settle(store, expectStatus(await create({ type: "product-import", context: { fileKey: clash } }), 200).batch_job.id);
    expect(clashed.status).toBe("failed");
    expect(clashed.result.errors[0]).toMatchObject({ line: 3 });
    expect(await productCount(store)).toBe(before);
    expect(await productByHandle(store, "fresh-one")).toBeUndefined();
  });

  it("waits for confirmation on a dry run, and refuses transitions the status machine does not allow", async () => {
    const fileKey = upload(store, "dry.csv", [HEADER, "dry-run-product,Dry,,draft,Default,DRY-1,1,,,100,"]);
    const created = expectStatus(await create({ type: "product-import", context: { fileKey }, dry_run: true }), 200).batch_job;
    const pre = await settle(store, created.id, ["pre_processed", "failed"]);
    expect(pre).toMatchObject({ status: "pre_processed", confirmed_at: null, result: { count: 1, rows: 1 } });
    expect(await productByHandle(store, "dry-run-product")).toBeUndefined();

    const junk = await store.admin(`/admin/batch-jobs/${created.id}/confirm`, { body: { dry_run: false } });
    expect(junk.status).toBe(400);
    expect(expectStatus(await store.admin(`/admin/batch-jobs/${created.id}`), 200).batch_job.status).toBe("pre_processed");
    const confirmed = expectStatus(await store.admin(`/admin/batch-jobs/${created.id}/confirm`, { method: "POST" }), 200).batch_job;
    expect(confirmed.status).toMatch(/confirmed|processing|completed/);
    await settle(store, created.id);
    expect((await productByHandle(store, "dry-run-product")).title).toBe("Dry");

    const again = await store.admin(`/admin/batch-jobs/${created.id}/confirm`, { method: "POST" });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ type: "unprocessable", code: "batch_job_not_pre_processed" });
    const cancelDone = await store.admin(`/admin/batch-jobs/${created.id}/cancel`, { method: "POST" });
    expect(cancelDone.status).toBe(422);
    expect(cancelDone.body.code).toBe("batch_job_not_cancelable");

    const other = expectStatus(await create({ type: "product-export", context: {}, dry_run: true }), 200).batch_job;
    await settle(store, other.id, ["pre_processed"]);
    const canceled = expectStatus(await store.admin(`/admin/batch-jobs/${other.id}/cancel`, { method: "POST" }), 200).batch_job;
    expect(canceled).toMatchObject({ status: "canceled" });
    expect(canceled.canceled_at).not.toBeNull();
    expect((await store.admin(`/admin/batch-jobs/${other.id}/confirm`, { method: "POST" })).body.code).toBe("batch_job_not_pre_processed");
    expect(expectStatus(await store.admin(`/admin/batch-jobs/${other.id}`), 200).batch_job.status).toBe("canceled");

    const list = expectStatus(await store.admin("/admin/batch-jobs?type=product-export"), 200);
    expect(list).toMatchObject({ offset: 0, limit: 10 });
    expect(list.batch_jobs.every((j: { type: string }) => j.type === "product-export")).toBe(true);
    expect(list.batch_jobs.map((j: { id: string }) => j.id)).toContain(other.id);
  });

  it("confirms a dry run once when two confirmations race", { tags: ["race"] }, async () => {
    // On SQLite this cannot fail (transactions take turns); it proves the row lock on PostgreSQL.
    const fileKey = upload(store, "race.csv", [HEADER, "race-product,Race,,draft,Default,RACE-1,1,,,100,"]);
    const { id } = expectStatus(await create({ type: "product-import", context: { fileKey }, dry_run: true }), 200).batch_job;
    await settle(store, id, ["pre_processed"]);
    const answers = await Promise.all([1, 2, 3].map(() => store.admin(`/admin/batch-jobs/${id}/confirm`, { method: "POST" })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422]);
    const job = await settle(store, id);
    expect(job.result).toMatchObject({ created: 1 });
    const { products } = expectStatus(await store.admin("/admin/products?handle=race-product"), 200);
    expect(products).toHaveLength(1);
  });

  it("exports products to a CSV under uploads/ that imports back unchanged", async () => {
    const job = await settle(store, expectStatus(await create({ type: "product-export", context: {} }), 200).batch_job.id);
    const count = await productCount(store);
    expect(job).toMatchObject({ status: "completed", result: { count, progress: 1 } });
    expect(job.result.file_key).toMatch(/^exports\/batch_.*\.csv$/);
    const text = fs.readFileSync(path.join(store.dir, "uploads", job.result.file_key), "utf8");
    expect(job.result.file_size).toBe(Buffer.byteLength(text));
    const [header, ...rows] = text.trim().split("\n");
    expect(header.split(",")).toEqual(expect.arrayContaining(["Product Handle", "Product Title", "Variant SKU", "Option 1 Name", "Option 1 Value", "Price USD"]));
    expect(rows.filter((r) => r.startsWith("shirt-import,"))).toHaveLength(3);

    fs.copyFileSync(path.join(store.dir, "uploads", job.result.file_key), path.join(store.dir, "uploads", "imports", "roundtrip.csv"));
    const back = await settle(store, expectStatus(await create({ type: "product-import", context: { fileKey: "imports/roundtrip.csv" } }), 200).batch_job.id);
    expect(back.result).toMatchObject({ count, created: 0, updated: count });
    expect(await productCount(store)).toBe(count);
  });

  it("exports orders to a CSV with Medusa's order columns", async () => {
    const region = await createRegion(store, { currency_code: "usd", countries: ["dk"] });
    const option = await createShippingOption(store, region.id, 500);
    const product = await createProduct(store, [{ inventory_quantity: 5, prices: [{ currency_code: "usd", amount: 1000 }] }]);
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: product.variants[0].id, quantity: 2 }] });
    const order = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
    const job = await settle(store, expectStatus(await create({ type: "order-export", context: {} }), 200).batch_job.id);
    expect(job).toMatchObject({ status: "completed", result: { count: 1 } });
    const [header, row] = fs.readFileSync(path.join(store.dir, "uploads", job.result.file_key), "utf8").trim().split("\n");
    const columns = header.split(",");
    expect(columns.slice(0, 3)).toEqual(["Order_ID", "Display_ID", "Order status"]);
    const cells = row.split(",");
    expect(cells[0]).toBe(order.id);
    expect(Number(cells[columns.indexOf("Total")])).toBe(order.total);
    expect(cells[columns.indexOf("Currency Code")]).toBe("usd");
  });

  it("refuses bad input with a 4xx, creating nothing", async () => {
    const before = expectStatus(await store.admin("/admin/batch-jobs?limit=100"), 200).count;
    const bad: [Record<string, unknown>, number, string?][] = [
      [{ type: "publish-products", context: {} }, 400],
      [{ type: "product-import" }, 400],
      [{ type: "product-import", context: {} }, 400],
      [{ type: "product-import", context: { fileKey: 5 } }, 400],
      [{ type: "product-import", context: { fileKey: "../kiosk.config.ts" } }, 400, "invalid_file_key"],
      [{ type: "product-import", context: { fileKey: "/etc/passwd" } }, 400, "invalid_file_key"],
      [{ type: "product-import", context: { fileKey: "imports/missing.csv" } }, 400, "file_not_found"],
      [{ type: "product-export", context: {}, dry_run: "yes" }, 400],
      [{ type: "product-export", context: {}, extra: 1 }, 400],
      [{ type: "product-export", context: { blob: "x".repeat(20_000) } }, 400],
    ];
    for (const [body, status, code] of bad) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body).slice(0, 100)).toBe(status);
      expect(res.body).toMatchObject({ type: expect.any(String), code: code ?? expect.any(String), message: expect.any(String) });
    }
    expect(expectStatus(await store.admin("/admin/batch-jobs?limit=100"), 200).count).toBe(before);
    expect((await store.admin("/admin/batch-jobs/batch_missing")).status).toBe(404);
    expect((await store.admin("/admin/batch-jobs/batch_missing/confirm", { method: "POST" })).status).toBe(404);
    expect((await store.admin("/admin/batch-jobs/batch_missing/cancel", { method: "POST" })).status).toBe(404);
    expect((await store.request("/admin/batch-jobs")).status).toBe(401);
  });
}

describe.each(DATABASES)("batch jobs on $name (in-process bus)", ({ name }) => {
  batchJobSuite(name, () => startStore(name, "batch_jobs"));
});

describe.skipIf(!REDIS_URL || !DATABASE_URL)("batch jobs on postgres through BullMQ", () => {
  const prefix = `kiosk-test:batch-jobs:${process.pid}:${Date.now()}`;
  batchJobSuite("redis", () => startStore("postgres", "batch_jobs_redis", { config: { redis: { url: REDIS_URL, prefix } } }));

  afterAll(async () => {
    const redis = new IORedis(REDIS_URL!);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.some((k) => k.includes(":events:"))).toBe(true); // the jobs went through BullMQ's events queue
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });
});
