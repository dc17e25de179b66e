import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import IORedis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { freePort, kioskIn, spawnKiosk, waitFor, type KioskProcess } from "../helpers/processes";

const REDIS_URL = process.env.KIOSK_TEST_REDIS_URL;
const REPO = path.resolve(__dirname, "..", "..");

/** A job file of the events fixture's kind: records each tick it runs for. */
const job = (name: string) =>
  `import type { JobArgs, JobConfig } from "kiosk";\nimport { JobRun } from "../models/job-run";\n\nexport default async function run({ container, scheduledAt }: JobArgs) {\n  const manager = container.resolve<any>("manager");\n  await manager.save(manager.create(JobRun, { job: "${name}", tick: scheduledAt.toISOString(), pid: process.pid }));\n}\n\nexport const config: JobConfig = { name: "${name}", schedule: "* * * * * *" };\n`;

/** The events fixture in `<tmp>/<parent>/shop`: two of them have the same folder name. */
function storeIn(parent: string, jobName: string): string {
  const dir = path.join(parent, "shop");
  fs.cpSync(path.join(REPO, "test", "fixtures", "events"), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.symlinkSync(REPO, path.join(dir, "node_modules", "kiosk"), "dir");
  fs.rmSync(path.join(dir, "src", "jobs", "tick.ts"));
  fs.writeFileSync(path.join(dir, "src", "jobs", `${jobName}.ts`), job(jobName));
  return dir;
}

/**
 * Two stores on one Redis, with no REDIS_PREFIX, whose folders have the same name
 * (what a default prefix from the folder or database name would make one): each
 * gets a prefix of its own, from the random id it keeps in its database, and keeps
 * its own job schedules.
 */
describe.skipIf(!REDIS_URL).each(DATABASES)("the default Redis prefix ($name)", ({ name }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-redis-prefix-"));
  const stores: { dir: string; db: { url: string | undefined; drop: () => Promise<void> }; server?: KioskProcess; base?: string; prefix?: string }[] = [];
  const explicit = `kiosk-test:explicit:${process.pid}:${Date.now()}`;

  const env = (i: number) => ({ DATABASE_URL: stores[i].db.url, REDIS_URL, JWT_SECRET: "redis-prefix", STORE_CORS: "http://shop.test", ADMIN_CORS: "http://admin.test", LOG_LEVEL: "info" });
  async function start(i: number, extra: Record<string, string> = {}): Promise<KioskProcess> {
    const port = await freePort();
    const s = stores[i];
    s.base = `http://127.0.0.1:${port}`;
    s.server = spawnKiosk(["start", "--port", String(port), "--host", "127.0.0.1", "--cwd", s.dir], { ...env(i), ...extra });
    await waitFor(async () => (await fetch(`${s.base}/health`)).ok, 30_000, "kiosk start").catch((err) => {
      throw new Error(`${err.message}\n${s.server!.output()}`);
    });
    return s.server;
  }
  const loggedPrefix = (server: KioskProcess) => /Redis keys under (\S+) \(/.exec(server.output())?.[1];
  const ticks = async (i: number, job: string, from: number) =>
    ((await (await fetch(`${stores[i].base}/store/stats`)).json()) as { ticks: { job: string; tick: string }[] }).ticks.filter(
      (t) => t.job === job && Date.parse(t.tick) >= from,
    ).length;

  beforeAll(async () => {
    for (const [i, jobName] of ["tick", "tock"].entries()) {
      const dir = storeIn(path.join(root, `store-${i}`), jobName);
      const db = await suiteDatabase(name, `prefix_${i}`);
      stores.push({ dir, db });
      for (const command of ["migrate", "build"]) expect(kioskIn(dir, { DATABASE_URL: db.url })(command).status).toBe(0);
    }
  });

  afterAll(async () => {
    const prefixes = [explicit, ...stores.map((s) => s.prefix)].filter((p): p is string => !!p);
    for (const s of stores) await s.server?.stop();
    const redis = new IORedis(REDIS_URL!);
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
    await redis.quit();
    for (const s of stores) await s.db.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("gives each store a prefix of its own, logged at start-up, and both keep their job schedules", async () => {
    for (const i of [0, 1]) {
      const server = await start(i);
      stores[i].prefix = loggedPrefix(server);
      expect(stores[i].prefix, server.output()).toMatch(/^kiosk:[0-9a-f]{16}$/);
    }
    expect(stores[0].prefix).not.toBe(stores[1].prefix);
    // The first store's job keeps ticking after the second one registered its own.
    const from = Date.now();
    await waitFor(async () => (await ticks(0, "tick", from)) >= 3 && (await ticks(1, "tock", from)) >= 3, 20_000, "both stores' ticks").catch((err) => {
      throw new Error(`${err.message}\n${stores[0].server!.output()}`);
    });
    for (const [i, own] of [[0, "tick"], [1, "tock"]] as const) {
      const queue = new Queue("jobs", { connection: { url: REDIS_URL! }, prefix: stores[i].prefix });
      try {
        expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(["kiosk-cart-completions", own]);
      } finally {
        await queue.close();
      }
    }
  });

  it("keeps its prefix from one start to the next, and REDIS_PREFIX still wins", async () => {
    await stores[0].server!.stop();
    const again = await start(0);
    expect(loggedPrefix(again)).toBe(stores[0].prefix);
    await again.stop();
    const chosen = await start(0, { REDIS_PREFIX: explicit });
    expect(loggedPrefix(chosen)).toBe(explicit);
    expect(chosen.output()).toContain("(REDIS_PREFIX or redis.prefix)");
  });
});
