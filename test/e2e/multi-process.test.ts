import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import IORedis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, KIOSK_BIN, PRODUCTION_CORS, spawnKiosk, waitFor, type KioskProcess } from "../helpers/processes";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";

const REDIS_URL = process.env.KIOSK_TEST_REDIS_URL;
const DATABASE_URL = process.env.KIOSK_TEST_DATABASE_URL;

interface Stats {
  runs: { subscriber: string; event_id: string; n: number; min_pid: number; max_pid: number }[];
  ticks: { job: string; tick: string; n: number }[];
  pids: { pid: number; n: number }[];
  outbox: number;
}

/** A `kiosk start` process of the built fixture, and its base URL. */
interface Server {
  proc: KioskProcess;
  base: string;
}

/** Events the subscriber ran for (each counted once). */
const delivered = (stats: Stats, subscriber: string) => stats.runs.filter((r) => r.subscriber === subscriber).length;

/**
 * The real thing: `kiosk build`, then two `kiosk start` processes on one
 * PostgreSQL database and one Redis prefix. Process B reaches Redis through a
 * proxy, so the suite can cut B off from Redis (then kill it) while A keeps going.
 */
describe.skipIf(!REDIS_URL || !DATABASE_URL)("two `kiosk start` processes on one Redis and PostgreSQL", () => {
  const prefix = `kiosk-test:multi:${process.pid}:${Date.now()}`;
  let dir: string;
  let databaseUrl: string;
  let drop: (() => Promise<void>) | undefined;
  let proxy: TcpProxy;
  let a: Server | undefined;
  let b: Server | undefined;

  const env = (redisUrl: string) => ({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    JWT_SECRET: "multi-process-secret",
    ...PRODUCTION_CORS,
    LOG_LEVEL: "warn",
  });

  async function start(redisUrl: string): Promise<Server> {
    const port = await freePort();
    const proc = spawnKiosk(["start", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir], env(redisUrl));
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => {
      if (proc.child.exitCode !== null) throw new Error(`kiosk start exited: ${proc.output()}`);
      return (await fetch(`${base}/health`)).ok;
    }, 15_000, `${base}/health`).catch((err) => {
      throw new Error(`${err.message}\n${proc.output()}`);
    });
    return { proc, base };
  }

  function kill(server: Server): Promise<void> {
    return new Promise((resolve) => {
      server.proc.child.once("exit", () => resolve());
      server.proc.child.kill("SIGKILL");
    });
  }

  const stats = async (via: Server): Promise<Stats> => (await fetch(`${via.base}/store/stats`)).json() as Promise<Stats>;
  const emit = async (via: Server, count: number) => {
    const res = await fetch(`${via.base}/store/emit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count }),
    });
    return res.status;
  };

  /**
   * Waits until both subscribers ran for `expected` events, then checks none ran twice. A run
   * by `killedPid` may be followed by a second one: a job a process dies in the middle of is
   * retried after the lock expires (at least once: subscribers should be idempotent).
   */
  async function expectDeliveredOnce(via: Server, expected: number, killedPid?: number): Promise<Stats> {
    await waitFor(async () => {
      const s = await stats(via);
      return delivered(s, "record") >= expected && delivered(s, "also-record") >= expected && s.outbox === 0;
    }, 15_000, `${expected} events delivered to each subscriber`).catch(async (err) => {
      const logs = [a, b].map((s) => s?.proc.output().split("\n").slice(-15).join("\n"));
      throw new Error(`${err.message}; stats: ${JSON.stringify(await stats(via).catch(() => null))}\n${logs.join("\n---\n")}`);
    });
    await new Promise((r) => setTimeout(r, 500));
    const s = await stats(via);
    expect(delivered(s, "record")).toBe(expected);
    expect(delivered(s, "also-record")).toBe(expected);
    const twice = s.runs.filter((r) => r.n !== 1);
    expect(twice.filter((r) => r.n > 2 || (r.min_pid !== killedPid && r.max_pid !== killedPid))).toEqual([]);
    expect(s.outbox).toBe(0);
    return s;
  }

  beforeAll(async () => {
    dir = copyFixture("events");
    // A longer sweeper grace than the fixture's, so the suite can see a killed process's events waiting.
    fs.writeFileSync(
      path.join(dir, "kiosk.config.ts"),
      "export default " +
        JSON.stringify({
          events: { backoff: 100, sweepInterval: 200, sweepGrace: 1500 },
          // A killed process's running jobs come back after 2 s instead of 30.
          redis: { commandTimeout: 500, lockDuration: 2000 },
        }) +
        ";\n",
    );
    const db = await createPostgresDatabase("multi");
    databaseUrl = db.url;
    drop = db.drop;
    for (const args of [["migrate"], ["build"]]) {
      const r = spawnSync(process.execPath, [KIOSK_BIN, ...args, "--cwd", dir], {
        env: { ...process.env, NODE_ENV: "development", DATABASE_URL: databaseUrl },
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`kiosk ${args[0]} failed: ${r.stderr}`);
    }
    const redis = new URL(REDIS_URL!);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    [a, b] = await Promise.all([start(REDIS_URL!), start(proxy.url(REDIS_URL!))]);
  });

  afterAll(async () => {
    for (const s of [a, b]) if (s && s.proc.child.exitCode === null) await s.proc.stop();
    await proxy?.dispose();
    if (REDIS_URL) {
      const redis = new IORedis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
    await drop?.();
    if (dir) removeProject(dir);
  });

  it("runs each subscriber exactly once per event, sharing the work between the processes", async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => emit(i % 2 ? a! : b!, 5)));
    expect(statuses).toEqual(Array(20).fill(201));
    const s = await expectDeliveredOnce(a!, 100);
    expect(s.pids.map((p) => p.pid).sort()).toEqual([a!.proc.child.pid, b!.proc.child.pid].sort());
  });

  it("runs a scheduled job once per tick across the processes", async () => {
    const from = Date.now();
    await new Promise((r) => setTimeout(r, 3200));
    const ticks = (await stats(a!)).ticks.filter((t) => Date.parse(t.tick) >= from);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.filter((t) => t.n !== 1)).toEqual([]);
    const seconds = ticks.map((t) => Date.parse(t.tick) / 1000);
    expect(seconds.at(-1)! - seconds[0]).toBe(seconds.length - 1);
  });

  it("delivers once the events of a process killed after commit, before it could publish", async () => {
    // B loses Redis, commits 10 events, and dies: they exist only in the outbox.
    // A's sweeper finds them once they are older than the grace period.
    const before = delivered(await stats(a!), "record");
    await proxy.close();
    expect(await emit(b!, 10)).toBe(201);
    await kill(b!);
    expect((await stats(a!)).outbox).toBe(10);
    await expectDeliveredOnce(a!, before + 10);
  });

  it("delivers once the events of a process killed right after answering", async () => {
    // With Redis up, the kill lands anywhere between commit, enqueue and the outbox delete;
    // job ids make the sweeper's second enqueue a no-op if the first one happened.
    await proxy.open();
    b = await start(proxy.url(REDIS_URL!));
    const before = delivered(await stats(a!), "record");
    expect(await emit(b, 10)).toBe(201);
    const killed = b.proc.child.pid;
    await kill(b);
    await expectDeliveredOnce(a!, before + 10, killed);
  });

  it("publishes at the next start what a killed process left when no other process was running", async () => {
    await a!.proc.stop(); // SIGTERM: graceful
    b = await start(proxy.url(REDIS_URL!));
    const before = delivered(await stats(b), "record");
    await proxy.close();
    expect(await emit(b, 5)).toBe(201);
    await kill(b);
    await proxy.open();
    b = await start(proxy.url(REDIS_URL!));
    await expectDeliveredOnce(b, before + 5);
  });
});
