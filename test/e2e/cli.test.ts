import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, KIOSK_BIN, PRODUCTION_CORS } from "../helpers/processes";

/** A clean child env: no NODE_ENV/DATABASE_URL/JWT_SECRET leaking from vitest or the shell. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  delete env.KIOSK_DEBUG;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function kiosk(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [KIOSK_BIN, ...args], {
    env: childEnv(env),
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function lines(s: string): string[] {
  return s.split("\n").filter((l) => l.trim() !== "");
}

async function waitForHealth(base: string, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`kiosk start exited early with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${base}/health not ready within ${timeoutMs} ms`);
}

function waitForExit(child: ChildProcess, timeoutMs = 10_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const t = setTimeout(() => reject(new Error("kiosk start did not exit after SIGTERM")), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(t);
      resolve(code);
    });
  });
}

describe.each(DATABASES)("kiosk CLI end to end ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  let dbEnv: Record<string, string | undefined>;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    dir = copyFixture("basic");
    db = await suiteDatabase(name, "cli");
    dbEnv = { DATABASE_URL: db.url };
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGKILL");
      await waitForExit(server).catch(() => undefined);
    }
    await db?.drop();
    if (dir) removeProject(dir);
  });

  const migrate = (...args: string[]) => kiosk(["migrate", ...args, "--cwd", dir], { ...dbEnv, NODE_ENV: "development" });

  it("migrate show, run, revert and run again", () => {
    let r = migrate("show");
    expect(r.status, r.stderr).toBe(0);
    expect(kernelAndProject(r.stdout)).toEqual([
      "kiosk",
      "  [ ] CreateOutbox1732406400000",
      "  [ ] CreateKioskSetting1732406400001",
      "project",
      "  [ ] CreateNote1732500000000",
    ]);
    expect(lines(r.stdout).at(-1)).toMatch(/^0 applied, \d+ pending$/);

    r = migrate("run");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ran\s+CreateOutbox1732406400000$/m);
    expect(r.stdout).toMatch(/^ran\s+CreateNote1732500000000$/m);
    expect(r.stdout).toMatch(/\d+ migrations applied/);

    r = migrate();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("no pending migrations");

    r = migrate("show");
    expect(r.status, r.stderr).toBe(0);
    expect(kernelAndProject(r.stdout)).toEqual([
      "kiosk",
      "  [x] CreateOutbox1732406400000",
      "  [x] CreateKioskSetting1732406400001",
      "project",
      "  [x] CreateNote1732500000000",
    ]);
    expect(lines(r.stdout).at(-1)).toMatch(/^\d+ applied, 0 pending$/);

    r = migrate("revert");
    expect(r.status, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(["reverted CreateNote1732500000000"]);

    r = migrate("show");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("  [x] CreateOutbox1732406400000");
    expect(r.stdout).toContain("  [ ] CreateNote1732500000000");
    expect(lines(r.stdout).at(-1)).toMatch(/^\d+ applied, 1 pending$/);

    r = migrate("run");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ran\s+CreateNote1732500000000$/m);
    expect(r.stdout).not.toContain("CreateOutbox");
  });

  it("build, start, serve notes and shut down on SIGTERM", async () => {
    // `kiosk start` loads plugins from their build: a local plugin folder is built on its own.
    const plugin = kiosk(["build", "--cwd", path.join(dir, "plugins", "greeter")], dbEnv);
    expect(plugin.status, plugin.stderr).toBe(0);
    const b = kiosk(["build", "--cwd", dir], dbEnv);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/built \d+ files to dist\/ in \d+ ms/);
    expect(fs.existsSync(path.join(dir, "dist"))).toBe(true);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let stderr = "";
    server = spawn(
      process.execPath,
      [KIOSK_BIN, "start", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir],
      { env: childEnv({ ...dbEnv, ...PRODUCTION_CORS, JWT_SECRET: "e2e-secret" }), stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    server.stdout!.on("data", (d) => (stdout += d));
    server.stderr!.on("data", (d) => (stderr += d));

    try {
      await waitForHealth(base, server);
    } catch (err) {
      throw new Error(`${(err as Error).message}\nstderr: ${stderr}`);
    }

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const created = await fetch(`${base}/store/notes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "from e2e" }),
    });
    expect(created.status, `${await created.clone().text()}\nserver stdout: ${stdout}\nserver stderr: ${stderr}`).toBe(201);

    const listed = await fetch(`${base}/store/notes`);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { notes: { title: string }[]; count: number };
    expect(body.count).toBe(1);
    expect(body.notes.map((n) => n.title)).toEqual(["from e2e"]);

    server.kill("SIGTERM");
    expect(await waitForExit(server)).toBe(0);
  });

  it("start --cluster 2 serves from two workers and stops them all on SIGTERM", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = "";
    server = spawn(
      process.execPath,
      [KIOSK_BIN, "start", "--cluster", "2", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir],
      { env: childEnv({ ...dbEnv, ...PRODUCTION_CORS, JWT_SECRET: "e2e-secret" }), stdio: ["ignore", "pipe", "pipe"] },
    );
    server.stdout!.on("data", (d) => (output += d));
    server.stderr!.on("data", (d) => (output += d));
    try {
      await waitForHealth(base, server, 20_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}\noutput: ${output}`);
    }
    const listed = await fetch(`${base}/store/notes`);
    expect(listed.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while ((output.match(/serving on/g) ?? []).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((output.match(/serving on/g) ?? []).length, output).toBe(2);

    server.kill("SIGTERM");
    expect(await waitForExit(server), output).toBe(0);
  });
});

/** `migrate show` output without the core modules' sections (`kiosk:<module>`) and the totals line. */
function kernelAndProject(stdout: string): string[] {
  const out: string[] = [];
  let keep = false;
  for (const line of lines(stdout).slice(0, -1)) {
    if (!line.startsWith(" ")) keep = !line.startsWith("kiosk:");
    if (keep) out.push(line);
  }
  return out;
}

describe("kiosk CLI bad input (sqlite)", () => {
  let dir: string;
  let badConfigDir: string;

  beforeAll(() => {
    dir = copyFixture("basic");
    badConfigDir = copyFixture("basic");
    fs.writeFileSync(path.join(badConfigDir, "kiosk.config.ts"), 'export default { http: { port: "abc" } }\n');
  });

  afterAll(() => {
    if (dir) removeProject(dir);
    if (badConfigDir) removeProject(badConfigDir);
  });

  function expectOneErrorLine(r: { status: number | null; stderr: string }, pattern: string | RegExp): void {
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    const errLines = lines(r.stderr);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^kiosk: /);
    if (typeof pattern === "string") expect(errLines[0]).toContain(pattern);
    else expect(errLines[0]).toMatch(pattern);
  }

  it.each(["0", "abc"])("migrate revert --steps %s is a bad argument", (steps) => {
    const r = kiosk(["migrate", "revert", "--steps", steps, "--cwd", dir], { NODE_ENV: "development" });
    expectOneErrorLine(r, "[KIOSK_BAD_ARGUMENT]");
  });

  it("start without JWT_SECRET fails and names JWT_SECRET", () => {
    const b = kiosk(["build", "--cwd", dir]);
    expect(b.status, b.stderr).toBe(0);
    const r = kiosk(["start", "--port", "0", "--host", "127.0.0.1", "--cwd", dir]);
    expectOneErrorLine(r, "JWT_SECRET");
  });

  it("migrate in a directory that is not a project fails with KIOSK_NOT_A_PROJECT", () => {
    const r = kiosk(["migrate", "--cwd", "/nonexistent-dir"], { NODE_ENV: "development" });
    expectOneErrorLine(r, "[KIOSK_NOT_A_PROJECT]");
  });

  it("an invalid http.port in kiosk.config.ts is reported", () => {
    const r = kiosk(["migrate", "--cwd", badConfigDir], { NODE_ENV: "development" });
    expectOneErrorLine(r, "http.port");
  });

  it("an unreachable database fails with KIOSK_DB_CONNECT", () => {
    const r = kiosk(["migrate", "--cwd", dir], {
      NODE_ENV: "development",
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/postgres",
    });
    expectOneErrorLine(r, "[KIOSK_DB_CONNECT]");
  });
});
