import fs from "node:fs";
import path from "node:path";
import { Queue } from "bullmq";
import IORedis from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kiosk } from "../helpers/kiosk";

const REDIS_URL = process.env.KIOSK_TEST_REDIS_URL;
const DATABASE_URL = process.env.KIOSK_TEST_DATABASE_URL;

type Kernel = Awaited<ReturnType<typeof kiosk.Kernel.start>>;
type Tick = { job: string; tick: string; n: number };

/** Boots a project in-process (TypeScript, migrations first) with a logger whose lines the test can read. */
async function boot(dir: string, databaseUrl?: string) {
  const lines: string[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
  const kernel = await kiosk.Kernel.start({
    projectDir: dir,
    databaseUrl,
    env: "test",
    typescript: true,
    port: 0,
    logger,
    beforeApplication: (project) => project.dataSource.runMigrations().then(() => undefined),
  });
  const get = async (p: string) => (await fetch(kernel.url + p)).json() as Promise<any>;
  return { kernel, lines, ticks: async (): Promise<Tick[]> => (await get("/store/stats")).ticks, get };
}

/**
 * Polls `ticks` until at least `atLeast` of them are recorded (a tick is recorded once its
 * run is done, so on a busy machine the last one comes late), or fails at the deadline.
 */
async function waitForTicks(ticks: () => Promise<Tick[]>, atLeast: number, deadlineMs = 20_000): Promise<Tick[]> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const seen = await ticks();
    if (seen.length >= atLeast) return seen;
    if (Date.now() > deadline) throw new Error(`only ${seen.length} of ${atLeast} ticks within ${deadlineMs} ms: ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Every tick between the first and the last seen, ran exactly once, and none missing, but
 * after a tick that was taken up late: neither scheduler catches up (BullMQ counts the next
 * fire time from when a tick is taken, a timer from when it fires), so on a machine busy
 * enough to take a tick a second late, the ticks meanwhile are skipped by design.
 */
function expectOncePerTick(ticks: Tick[], atLeast: number, takenLate: (tickMs: number) => boolean = () => false): void {
  expect(ticks.length).toBeGreaterThanOrEqual(atLeast);
  expect(ticks.filter((t) => t.n !== 1)).toEqual([]);
  const seconds = ticks.map((t) => Date.parse(t.tick) / 1000);
  expect(seconds.every((s) => Number.isInteger(s))).toBe(true);
  const gaps = seconds.slice(1).flatMap((s, i) => (s - seconds[i] > 1 ? [{ after: new Date(seconds[i] * 1000).toISOString(), missing: s - seconds[i] - 1 }] : []));
  expect(gaps.filter((g) => !takenLate(Date.parse(g.after)))).toEqual([]); // no tick missing
}

/** When each tick job of the Redis scheduler `name` was taken up by a worker (fire time → ms). */
async function takenAt(queue: Queue, name: string): Promise<Map<number, number>> {
  const jobs = await queue.getJobs(["completed", "failed", "active"], 0, -1);
  return new Map(jobs.filter((j) => j.repeatJobKey === name && j.opts.prevMillis && j.processedOn).map((j) => [j.opts.prevMillis!, j.processedOn!]));
}

describe("scheduled jobs without Redis (in-process timers)", () => {
  let dir: string;
  let app: Awaited<ReturnType<typeof boot>>;

  beforeAll(async () => {
    dir = copyFixture("events");
    fs.writeFileSync(
      path.join(dir, "src", "jobs", "broken.ts"),
      'export default async function () {\n  throw new Error("broken job fails on purpose");\n}\n\nexport const config = { name: "broken", schedule: "* * * * * *" };\n',
    );
    app = await boot(dir);
  });

  afterAll(async () => {
    await app?.kernel.shutdown();
    removeProject(dir);
  });

  it("runs each tick once, even after reloads, and survives a failing job", async () => {
    // `kiosk develop` reloads swap the set of timers; they must not add to it.
    app.kernel.reload();
    app.kernel.reload();
    app.kernel.reload();
    const ticks = await waitForTicks(async () => (await app.ticks()).filter((t) => t.job === "tick"), 2);
    // A tick that a leftover timer ran a second time would be recorded within the next second.
    await new Promise((r) => setTimeout(r, 1100));
    expectOncePerTick((await app.ticks()).filter((t) => t.job === "tick" && t.tick <= ticks.at(-1)!.tick), 2);
    expect(app.lines.some((l) => l.includes("job broken failed") && l.includes("broken job fails on purpose"))).toBe(true);
    expect(await app.get("/health")).toEqual({ status: "ok" });
  });

  it("stops its timers on shutdown", async () => {
    await app.kernel.shutdown();
    const logged = app.lines.length;
    // The broken job logs every second while its timer lives.
    await new Promise((r) => setTimeout(r, 1300));
    expect(app.lines.slice(logged)).toEqual([]);
    app = undefined as any;
  });
});

describe.skipIf(!REDIS_URL || !DATABASE_URL)("scheduled jobs on Redis, two kernels", () => {
  const prefix = `kiosk-test:jobs:${process.pid}:${Date.now()}`;
  const dirs: string[] = [];
  const apps: Awaited<ReturnType<typeof boot>>[] = [];
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const db = await createPostgresDatabase("jobs");
    drop = db.drop;
    // A schedule left by a job that no longer exists: the kernel removes it.
    const queue = new Queue("jobs", { connection: { url: REDIS_URL }, prefix });
    await queue.upsertJobScheduler("gone", { every: 1000 }, { name: "gone", data: { job: "gone" } });
    await queue.close();
    for (let i = 0; i < 2; i++) {
      const dir = copyFixture("events");
      dirs.push(dir);
      fs.writeFileSync(path.join(dir, "kiosk.config.ts"), `export default ${JSON.stringify({ redis: { url: REDIS_URL, prefix } })};\n`);
      apps.push(await boot(dir, db.url));
    }
  });

  afterAll(async () => {
    for (const app of apps) await app.kernel.shutdown();
    if (REDIS_URL) {
      const redis = new IORedis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
    await drop?.();
    for (const d of dirs) removeProject(d);
  });

  it("runs each tick once across both processes", async () => {
    const [a, b] = apps;
    const started = Date.now();
    const since = (at: number) => async () => (await a.ticks()).filter((t) => Date.parse(t.tick) >= at);
    await waitForTicks(since(started), 1);
    const reloaded = Date.now();
    b.kernel.reload(); // a reload upserts the schedule again
    // Ticks after the reload too, however slowly a busy machine records them.
    const last = (await waitForTicks(since(reloaded), 2)).at(-1)!.tick;
    // A tick run by both processes would be recorded twice within the next second.
    await new Promise((r) => setTimeout(r, 1100));
    const queue = new Queue("jobs", { connection: { url: REDIS_URL }, prefix });
    try {
      const taken = await takenAt(queue, "tick");
      const late = (tickMs: number) => (taken.get(tickMs) ?? 0) >= tickMs + 1000;
      expectOncePerTick((await since(started)()).filter((t) => t.tick <= last), 3, late);
      expectOncePerTick(await a.ticks(), 3, late); // including the ticks around the second boot
      // The project's job and the core's (the cart module's completion sweeper); the one that no longer exists is gone.
      expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(["kiosk-cart-completions", "tick"]);
    } finally {
      await queue.close();
    }
  });
});
