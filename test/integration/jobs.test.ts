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

/** Every tick between the first and the last seen, ran exactly once. */
function expectOncePerTick(ticks: Tick[], atLeast: number): void {
  expect(ticks.length).toBeGreaterThanOrEqual(atLeast);
  expect(ticks.filter((t) => t.n !== 1)).toEqual([]);
  const seconds = ticks.map((t) => Date.parse(t.tick) / 1000);
  expect(seconds.every((s) => Number.isInteger(s))).toBe(true);
  expect(seconds.at(-1)! - seconds[0]).toBe(seconds.length - 1); // no tick missing
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
    await new Promise((r) => setTimeout(r, 2600));
    expectOncePerTick((await app.ticks()).filter((t) => t.job === "tick"), 2);
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
    await new Promise((r) => setTimeout(r, 1500));
    b.kernel.reload(); // a reload upserts the schedule again
    await new Promise((r) => setTimeout(r, 1700));
    expectOncePerTick((await a.ticks()).filter((t) => Date.parse(t.tick) >= started), 3);
    expectOncePerTick(await a.ticks(), 3); // including the ticks around the second boot
    const queue = new Queue("jobs", { connection: { url: REDIS_URL }, prefix });
    try {
      // The project's job and the core's (the cart module's completion sweeper); the one that no longer exists is gone.
      expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(["kiosk-cart-completions", "tick"]);
    } finally {
      await queue.close();
    }
  });
});
