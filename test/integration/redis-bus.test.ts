import fs from "node:fs";
import path from "node:path";
import { Queue } from "bullmq";
import IORedis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kiosk } from "../helpers/kiosk";
import { waitFor } from "../helpers/processes";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";

const REDIS_URL = process.env.KIOSK_TEST_REDIS_URL;
const DATABASE_URL = process.env.KIOSK_TEST_DATABASE_URL;

type Server = Awaited<ReturnType<typeof kiosk.startTestServer>>;
interface Stats {
  runs: { subscriber: string; event_id: string; n: number }[];
  attempts: { subscriber: string; event_id: string; n: number }[];
  outbox: number;
}

/** Points a copy of the events fixture at Redis (through `redisUrl`) under `prefix`, with quick retries and sweeps. */
function configure(dir: string, redisUrl: string, prefix: string): void {
  const config = {
    redis: { url: redisUrl, prefix, commandTimeout: 500 },
    events: { backoff: 100, sweepInterval: 200, sweepGrace: 500 },
  };
  fs.writeFileSync(path.join(dir, "kiosk.config.ts"), `export default ${JSON.stringify(config)};\n`);
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}

const runsOf = (stats: Stats, subscriber: string) => stats.runs.filter((r) => r.subscriber === subscriber);
const total = (rows: { n: number }[]) => rows.reduce((sum, r) => sum + r.n, 0);

describe.skipIf(!REDIS_URL || !DATABASE_URL)("Redis event bus (BullMQ) with two kernels on PostgreSQL", () => {
  const prefix = `kiosk-test:redis-bus:${process.pid}:${Date.now()}`;
  const dirs: string[] = [];
  const proxies: TcpProxy[] = [];
  const servers: Server[] = [];
  let drop: (() => Promise<void>) | undefined;
  let a: Server;
  let b: Server;

  const stats = async (): Promise<Stats> => (await a.request("/store/stats")).body;
  const emit = (server: Server, count: number, event = "thing.happened") =>
    server.request("/store/emit", { body: { count, event } });

  beforeAll(async () => {
    const db = await createPostgresDatabase("redis_bus");
    drop = db.drop;
    const redis = new URL(REDIS_URL!);
    // Each kernel reaches Redis through its own proxy, so a test can take Redis away from one or both.
    for (let i = 0; i < 2; i++) {
      const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
      proxies.push(proxy);
      const dir = copyFixture("events");
      dirs.push(dir);
      configure(dir, proxy.url(REDIS_URL!), prefix);
      servers.push(await kiosk.startTestServer({ projectDir: dir, databaseUrl: db.url }));
    }
    [a, b] = servers;
  });

  afterAll(async () => {
    for (const p of proxies) await p.open();
    for (const p of proxies) p.resume();
    for (const s of servers) await s.close();
    for (const p of proxies) await p.dispose();
    if (REDIS_URL) await deleteKeys(REDIS_URL, prefix);
    await drop?.();
    for (const d of dirs) removeProject(d);
  });

  it("runs each subscriber exactly once per event, whichever kernel emitted it", async () => {
    const before = await stats();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => emit(i % 2 ? a : b, 5)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const expected = total(runsOf(before, "record")) + 50;
    await waitFor(async () => {
      const s = await stats();
      return total(runsOf(s, "record")) >= expected && total(runsOf(s, "also-record")) >= expected;
    }, 10_000, "50 events delivered to both subscribers");
    await new Promise((r) => setTimeout(r, 700)); // room for a duplicate to show up (sweeper grace + a sweep)
    const after = await stats();
    expect(total(runsOf(after, "record"))).toBe(expected);
    expect(total(runsOf(after, "also-record"))).toBe(expected);
    expect(after.runs.every((r) => r.n === 1)).toBe(true);
    expect(after.outbox).toBe(0);
  });

  it("retries a failing subscriber with backoff until it succeeds", async () => {
    expect((await emit(b, 3, "flaky.happened")).status).toBe(201);
    await waitFor(async () => runsOf(await stats(), "flaky").length === 3, 10_000, "flaky subscriber to succeed");
    const s = await stats();
    expect(runsOf(s, "flaky").every((r) => r.n === 1)).toBe(true);
    // Two failed attempts, then the one that succeeded.
    expect(s.attempts.filter((r) => r.subscriber === "flaky").map((r) => r.n)).toEqual([3, 3, 3]);
  });

  it("keeps a subscriber's last failure in the failed set, with its reason", async () => {
    expect((await emit(a, 1, "doomed.happened")).status).toBe(201);
    let eventId = "";
    await waitFor(async () => {
      const row = (await stats()).attempts.find((r) => r.subscriber === "doomed" && r.n === 2);
      eventId = row?.event_id ?? "";
      return !!row;
    }, 10_000, "doomed subscriber to use its 2 attempts");
    const queue = new Queue("events", { connection: { url: REDIS_URL }, prefix });
    try {
      let job: Awaited<ReturnType<typeof queue.getJob>>;
      await waitFor(async () => {
        job = await queue.getJob(`${eventId}@doomed`);
        return (await job?.getState()) === "failed";
      }, 5000, "the doomed job to be failed");
      expect(job!.attemptsMade).toBe(2);
      expect(job!.failedReason).toContain("this subscriber always fails");
      expect(job!.data).toMatchObject({ subscriberId: "doomed", event: { id: eventId, name: "doomed.happened" } });
    } finally {
      await queue.close();
    }
  });

  it("keeps serving while Redis is unreachable, and delivers the held events once it is back", async () => {
    const before = await stats();
    const expected = total(runsOf(before, "record")) + 20;
    for (const p of proxies) await p.close();
    try {
      const started = performance.now();
      const responses = await Promise.all([emit(a, 5), emit(b, 5), emit(a, 5), emit(b, 5)]);
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(performance.now() - started).toBeLessThan(2000);
      await Promise.all([a.kernel.outbox.drain(), b.kernel.outbox.drain()]);
      // Several sweeps go by: the events wait in the outbox, nothing is lost or run.
      await new Promise((r) => setTimeout(r, 1200));
      const held = await stats();
      expect(held.outbox).toBe(20);
      expect(total(runsOf(held, "record"))).toBe(expected - 20);
    } finally {
      for (const p of proxies) await p.open();
    }
    await waitFor(async () => {
      const s = await stats();
      return s.outbox === 0 && total(runsOf(s, "record")) >= expected && total(runsOf(s, "also-record")) >= expected;
    }, 15_000, "held events delivered after Redis came back");
    await new Promise((r) => setTimeout(r, 700));
    const after = await stats();
    expect(total(runsOf(after, "record"))).toBe(expected);
    expect(total(runsOf(after, "also-record"))).toBe(expected);
    expect(after.runs.every((r) => r.n === 1)).toBe(true);
  });

  it("fails fast instead of hanging when Redis stops answering", async () => {
    const before = await stats();
    const expected = total(runsOf(before, "record")) + 4;
    for (const p of proxies) p.pause();
    try {
      const started = performance.now();
      expect((await emit(a, 2)).status).toBe(201);
      expect((await emit(b, 2)).status).toBe(201);
      // The publish gives up after redis.commandTimeout (500 ms here) instead of waiting forever.
      await Promise.all([a.kernel.outbox.drain(), b.kernel.outbox.drain()]);
      expect(performance.now() - started).toBeLessThan(2500);
    } finally {
      for (const p of proxies) p.resume();
    }
    await waitFor(async () => {
      const s = await stats();
      return s.outbox === 0 && total(runsOf(s, "record")) >= expected && total(runsOf(s, "also-record")) >= expected;
    }, 15_000, "events delivered once Redis answers again");
    await new Promise((r) => setTimeout(r, 700));
    const after = await stats();
    expect(total(runsOf(after, "record"))).toBe(expected);
    expect(after.runs.every((r) => r.n === 1)).toBe(true);
  });
});
