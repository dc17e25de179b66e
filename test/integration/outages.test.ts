import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import IORedis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, expectStatus } from "../helpers/checkout";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kiosk } from "../helpers/kiosk";
import { waitFor } from "../helpers/processes";
import { startStore, type Store } from "../helpers/store";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";

const DATABASE_URL = process.env.KIOSK_TEST_DATABASE_URL;
const REDIS_URL = process.env.KIOSK_TEST_REDIS_URL;
const { fromOutage } = createRequire(import.meta.url)("../../dist/src/kernel/http/outage-error.js") as typeof import("../../src/kernel/http/outage-error");
const { READY_TIMEOUT } = createRequire(import.meta.url)("../../dist/src/kernel/http/readiness.js") as typeof import("../../src/kernel/http/readiness");

type Response = { status: number; body: any; headers: Headers };

/** Timeouts set low, so an outage shows within a second or two. */
const TIMEOUTS = { statementTimeout: 1000, connectTimeout: 1000, poolTimeout: 1000 };
/**
 * The longest a request may take while the database is away: a wait for a pooled
 * connection, then a statement with no answer (given up 0.5 s after the
 * statement timeout): 2.5 s here. Asserted with room for a busy machine.
 */
const BOUND = 2 * (TIMEOUTS.poolTimeout + TIMEOUTS.statementTimeout);
/** `/health/ready` answers within READY_TIMEOUT; the same room. */
const READY_BOUND = 2 * READY_TIMEOUT;

async function timed(request: Promise<Response>): Promise<Response & { ms: number }> {
  const started = performance.now();
  const res = await request;
  return { ...res, ms: performance.now() - started };
}

function expectUnavailable(res: Response, code: "database_unavailable" | "redis_unavailable" = "database_unavailable") {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.body).toMatchObject({ type: "unavailable", code });
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

function targetOf(url: string, defaultPort: number) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || defaultPort) };
}

describe.skipIf(!DATABASE_URL)("PostgreSQL down or hung (through a TCP proxy)", () => {
  let proxy: TcpProxy;
  let store: Store;
  let region: { id: string };

  /** What a storefront and an admin do: read the catalog, create a cart, list regions and products. */
  const traffic = () =>
    Promise.all([
      timed(store.request("/store/products")),
      timed(store.request("/store/carts", { body: { region_id: region.id } })),
      timed(store.request("/store/regions")),
      timed(store.admin("/admin/products")),
      timed(store.request("/store/carts", { body: { region_id: region.id } })),
    ]);

  async function expectServing() {
    await waitFor(async () => (await store.request("/store/carts", { body: { region_id: region.id } })).status === 200, 10_000, "a cart once the database is back");
    for (const res of await traffic()) expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ready = await store.request("/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: "ok", database: "ok" });
  }

  async function expectOutage() {
    for (const res of await traffic()) {
      expectUnavailable(res);
      expect(res.ms).toBeLessThan(BOUND);
    }
    expect((await store.request("/health")).status).toBe(200);
    const ready = await timed(store.request("/health/ready"));
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: "unavailable", database: "down" });
    expect(ready.headers.get("retry-after")).toBeTruthy();
    expect(ready.ms).toBeLessThan(READY_BOUND);
  }

  beforeAll(async () => {
    proxy = await startTcpProxy(targetOf(DATABASE_URL!, 5432));
    store = await startStore("postgres", "outages", {
      config: { database: { ...TIMEOUTS, poolSize: 4 } },
      connectUrl: (url) => proxy.url(url),
    });
    region = await createRegion(store);
  });

  afterAll(async () => {
    proxy?.resume();
    await proxy?.open();
    await store?.close();
    await proxy?.dispose();
  });

  it("serves, and says so on /health/ready", async () => {
    await expectServing();
  });

  it("answers 503 with Retry-After within the bound while the database is cut, and serves again once it is back", async () => {
    await traffic(); // connections in the pool, which the cut will break
    await proxy.close();
    try {
      await expectOutage();
    } finally {
      await proxy.open();
    }
    await expectServing();
  });

  it("answers 503 with Retry-After within the bound while the database hangs, and serves again once it answers", async () => {
    await traffic();
    proxy.pause();
    try {
      await expectOutage();
      // Still bounded later in the outage, once the hung connections have been dropped.
      await expectOutage();
    } finally {
      proxy.resume();
    }
    await expectServing();
  });
});

describe.skipIf(!DATABASE_URL)("PostgreSQL pool exhausted", () => {
  /**
   * A pool of 2 connections that waits 250 ms at most for one; 300 products, and
   * 50 clients reading the largest page the Store API gives (200 products, with
   * prices for a region) at once while 10 others create carts.
   */
  const POOL = { poolSize: 2, poolTimeout: 250 };
  const PRODUCTS = 300;
  const PAGE = 200;
  const PAGES = 50;
  const CARTS = 10;
  let store: Store;
  let region: { id: string };
  const newCart = () => store.request("/store/carts", { body: { region_id: region.id } });
  /** The pg-pool behind the DataSource: how many are waiting for a connection. */
  const pool = () => (store.server.kernel.project.dataSource.driver as unknown as { master: { waitingCount: number } }).master;

  beforeAll(async () => {
    store = await startStore("postgres", "outages_pool", { config: { database: POOL } });
    region = await createRegion(store, { currency_code: "eur" });
    const variants = [1, 2, 3].map((i) => ({ inventory_quantity: 5, prices: [{ amount: 100 * i, currency_code: "eur" }] }));
    // As many at once as the pool has connections: more would wait past poolTimeout.
    for (let i = 0; i < PRODUCTS; i += POOL.poolSize) {
      await Promise.all(Array.from({ length: POOL.poolSize }, () => createProduct(store, variants, { description: "x".repeat(500) })));
    }
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it("answers 503 with Retry-After once no connection frees up within poolTimeout, and serves again at once", async () => {
    const { dataSource } = store.server.kernel.project;
    const busy = Array.from({ length: POOL.poolSize }, () => dataSource.query("SELECT pg_sleep(1.5)"));
    await waitFor(async () => (await timed(newCart())).status === 503, 1000, "the pool to be taken");
    const cart = await timed(newCart());
    expectUnavailable(cart);
    expect(cart.ms).toBeLessThan(4 * POOL.poolTimeout);
    await Promise.all(busy);
    expectStatus(await newCart(), 200);
  });

  it("gives other clients' carts a 2xx or a 503 with Retry-After under 50 large pages, never a 500", async () => {
    let waited = 0;
    const sampler = setInterval(() => (waited = Math.max(waited, pool().waitingCount)), 2);
    const pages = Array.from({ length: PAGES }, () => store.request(`/store/products?limit=${PAGE}&region_id=${region.id}`));
    const carts = Array.from({ length: CARTS }, async (_, i) => {
      await new Promise((r) => setTimeout(r, 20 * i)); // while the pages are being read
      return newCart();
    });
    const all = await Promise.all([...pages, ...carts]);
    clearInterval(sampler);
    for (const res of all) {
      expect([200, 503], JSON.stringify(res.body)).toContain(res.status);
      if (res.status === 503) expectUnavailable(res);
    }
    for (const res of all.slice(0, PAGES)) if (res.status === 200) expect(res.body.products).toHaveLength(PAGE);
    // The pool was really contended: requests queued for a connection.
    expect(waited).toBeGreaterThan(0);
    expectStatus(await newCart(), 200);
  }, 60_000);
});

describe("SQLite locked by another process", () => {
  let store: Store;
  let region: { id: string };

  beforeAll(async () => {
    store = await startStore("sqlite", "outages_sqlite", { config: { database: { poolTimeout: 300 } } });
    region = await createRegion(store);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("answers a write 503 with Retry-After after busy_timeout, keeps reading, and writes again once the lock is gone", async () => {
    const Database = createRequire(import.meta.url)("better-sqlite3");
    const other = new Database(store.server.kernel.project.config.database.path);
    try {
      other.exec("BEGIN IMMEDIATE"); // another process's write transaction
      const write = await timed(store.request("/store/carts", { body: { region_id: region.id } }));
      expectUnavailable(write);
      expect(write.ms).toBeLessThan(2000);
      expectStatus(await store.request("/store/regions"), 200);
      expect((await store.request("/health/ready")).body).toEqual({ status: "ok", database: "ok" });
      other.exec("ROLLBACK");
      expectStatus(await store.request("/store/carts", { body: { region_id: region.id } }), 200);
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });
});

describe.skipIf(!REDIS_URL)("Redis", () => describe.each(DATABASES)("down or hung (through a TCP proxy), on $name", ({ name }) => {
  const prefix = `kiosk-test:outages:${name}:${process.pid}:${Date.now()}`;
  let proxy: TcpProxy;
  let server: Awaited<ReturnType<typeof kiosk.startTestServer>>;
  let dir: string;
  let drop: () => Promise<void> = async () => {};
  let emitted = 0;

  const stats = async () => (await server.request("/store/stats")).body as { runs: { subscriber: string; n: number }[]; outbox: number };
  const recorded = async () => (await stats()).runs.filter((r) => r.subscriber === "record").reduce((sum, r) => sum + r.n, 0);

  /** Four requests that each emit 5 events (a subscriber listens to them): all 201 within the bound. */
  async function emitWhileOut() {
    const responses = await Promise.all(Array.from({ length: 4 }, () => timed(server.request("/store/emit", { body: { count: 5 } }))));
    for (const res of responses) {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.ms).toBeLessThan(2000);
    }
    emitted += 20;
  }

  async function expectRedisDown() {
    expect((await server.request("/health")).status).toBe(200);
    const ready = await timed(server.request("/health/ready"));
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: "unavailable", database: "ok", redis: "down" });
    expect(ready.ms).toBeLessThan(READY_BOUND);
  }

  async function expectDelivered() {
    await waitFor(async () => (await server.request("/health/ready")).status === 200, 15_000, "Redis ready again");
    expect((await server.request("/health/ready")).body).toEqual({ status: "ok", database: "ok", redis: "ok" });
    await waitFor(async () => (await stats()).outbox === 0 && (await recorded()) === emitted, 15_000, "held events delivered");
  }

  beforeAll(async () => {
    proxy = await startTcpProxy(targetOf(REDIS_URL!, 6379));
    dir = copyFixture("events");
    const config = {
      redis: { url: proxy.url(REDIS_URL!), prefix, commandTimeout: 500 },
      events: { backoff: 100, sweepInterval: 200, sweepGrace: 500 },
    };
    fs.writeFileSync(path.join(dir, "kiosk.config.ts"), `export default ${JSON.stringify(config)};\n`);
    const database = await suiteDatabase(name, "outages_redis");
    drop = database.drop;
    server = await kiosk.startTestServer({ projectDir: dir, databaseUrl: database.url });
  });

  afterAll(async () => {
    proxy?.resume();
    await proxy?.open();
    await server?.close();
    await proxy?.dispose();
    const redis = new IORedis(REDIS_URL!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await drop();
    if (dir) removeProject(dir);
  });

  it("is ready with Redis up", async () => {
    expectStatus(await server.request("/store/emit", { body: { count: 1 } }), 201);
    emitted += 1;
    await expectDelivered();
  });

  it("keeps answering while Redis is cut (events wait in the outbox), says redis down, and delivers once it is back", async () => {
    await proxy.close();
    try {
      await emitWhileOut();
      await expectRedisDown();
      await server.kernel.outbox.drain();
      expect((await stats()).outbox).toBe(20);
    } finally {
      await proxy.open();
    }
    await expectDelivered();
  });

  it("keeps answering while Redis hangs, says redis down, and delivers once it answers", async () => {
    proxy.pause();
    try {
      await emitWhileOut();
      await expectRedisDown();
    } finally {
      proxy.resume();
    }
    await expectDelivered();
  });

  it("maps the Redis client's own outage errors to 503 redis_unavailable, not 500", async () => {
    const client = new IORedis(proxy.url(REDIS_URL!), { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 300, lazyConnect: true });
    client.on("error", () => {});
    try {
      await client.connect();
      proxy.pause();
      const hung = await client.ping().catch((err: Error) => err);
      proxy.resume();
      await proxy.close();
      await waitFor(() => client.status !== "ready", 5000, "the client to see the cut");
      const cut = await client.ping().catch((err: Error) => err);
      for (const err of [hung, cut]) {
        expect(err).toBeInstanceOf(Error);
        expect(fromOutage(err)).toMatchObject({ status: 503, type: "unavailable", code: "redis_unavailable" });
      }
    } finally {
      proxy.resume();
      await proxy.open();
      client.disconnect();
    }
  });
}));
