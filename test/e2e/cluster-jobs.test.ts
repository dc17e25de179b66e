import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, kioskIn, spawnKiosk, waitFor, type KioskProcess } from "../helpers/processes";

interface Stats {
  ticks: { job: string; tick: string; n: number }[];
  tickPids: { pid: number; n: number; first: string; last: string }[];
}

/**
 * `kiosk start --cluster 2` without Redis, on the events fixture (its `tick` job
 * runs every second and records the worker's pid): each tick runs once, in the
 * worker the primary chose; when that worker dies, another one takes over.
 */
describe.each(DATABASES)("kiosk start --cluster 2 without Redis runs each scheduled job once ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  let server: KioskProcess;
  let base: string;
  const stats = async (): Promise<Stats> => (await fetch(`${base}/store/stats`)).json() as Promise<Stats>;

  beforeAll(async () => {
    dir = copyFixture("events");
    db = await suiteDatabase(name, "cluster_jobs");
    const kiosk = kioskIn(dir, { DATABASE_URL: db.url });
    for (const command of ["migrate", "build"]) expect(kiosk(command).status).toBe(0);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawnKiosk(["start", "--cluster", "2", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir], {
      DATABASE_URL: db.url,
      REDIS_URL: undefined,
      JWT_SECRET: "cluster-jobs",
      STORE_CORS: "http://shop.test",
      ADMIN_CORS: "http://admin.test",
    });
    await waitFor(async () => (server.output().match(/serving on/g) ?? []).length === 2, 30_000, "two workers serving").catch((err) => {
      throw new Error(`${err.message}\n${server.output()}`);
    });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    if (dir) removeProject(dir);
  });

  /** Waits until `count` ticks ran after `from`, then checks that none ran twice. */
  async function ticksOnce(from: number, count: number): Promise<Stats> {
    await waitFor(async () => (await stats()).ticks.filter((t) => Date.parse(t.tick) >= from).length >= count, 20_000, `${count} ticks`).catch((err) => {
      throw new Error(`${err.message}\n${server.output()}`);
    });
    const s = await stats();
    expect(s.ticks.filter((t) => t.n !== 1), JSON.stringify(s.ticks)).toEqual([]);
    return s;
  }

  it("runs each tick in one worker, and says so", async () => {
    const s = await ticksOnce(Date.now(), 3);
    expect(s.tickPids).toHaveLength(1);
    const said = server.output().match(/scheduled jobs run in this worker \(pid (\d+)\) for the whole cluster/g) ?? [];
    expect(said, server.output()).toHaveLength(1);
    expect(said[0]).toContain(`pid ${s.tickPids[0].pid}`);
  });

  it("moves the jobs to another worker when that one dies", async () => {
    const [runner] = (await stats()).tickPids;
    process.kill(runner.pid, "SIGKILL");
    const from = Date.now() + 1000;
    const s = await ticksOnce(from, 3);
    const after = s.tickPids.filter((p) => p.pid !== runner.pid);
    expect(after, JSON.stringify(s.tickPids)).toHaveLength(1);
    expect(Date.parse(after[0].last)).toBeGreaterThanOrEqual(from);
    expect(server.output().match(/scheduled jobs run in this worker/g)).toHaveLength(2);
  });
});
