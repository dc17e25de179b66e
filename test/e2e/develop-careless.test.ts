import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import net from "node:net";
import { freePort, KIOSK_BIN, kioskIn, runAsync, spawnKiosk, waitFor, type KioskProcess } from "../helpers/processes";
import { getJson } from "../helpers/server-process";

const ADMIN = { email: "admin@develop.test", password: "supersecret" };

/**
 * A start-up hook that holds the boot for a while when the project has a `slow-start`
 * file, saying so: the test makes its next change at that moment, after the config,
 * models and routes were read and before the server is ready.
 */
const SLOW_LOADER = `import fs from "node:fs";
import path from "node:path";

export default async function slowStart() {
  if (!fs.existsSync(path.join(__dirname, "..", "..", "slow-start"))) return;
  console.log("slow-start: holding the boot");
  await new Promise((resolve) => setTimeout(resolve, 3000));
}
`;

/**
 * `kiosk develop` while its user generates, migrates and edits from another
 * terminal, as people do: every answer is one that says what to do.
 */
describe.each(DATABASES)("kiosk develop under a careless user ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  let kiosk: ReturnType<typeof kioskIn>;
  let dev: KioskProcess;
  let base: string;
  let auth: Record<string, string>;

  const admin = (path: string, body?: unknown) =>
    getJson(`${base}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { ...auth, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = copyFixture("basic");
    fs.mkdirSync(path.join(dir, "src", "loaders"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "loaders", "slow-start.ts"), SLOW_LOADER);
    db = await suiteDatabase(name, "develop_careless");
    kiosk = kioskIn(dir, { DATABASE_URL: db.url });
    expect(kiosk("migrate").status).toBe(0);
    expect(kiosk("user", "create", "--email", ADMIN.email, "--password", ADMIN.password).status).toBe(0);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawnKiosk(["develop", "--cwd", dir, "--port", String(port)], { DATABASE_URL: db.url });
    await waitFor(async () => (await fetch(`${base}/health`)).ok, 20_000, "develop to serve");
    const token = await getJson(`${base}/admin/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    auth = { authorization: `Bearer ${token.body.access_token}` };
  });

  afterAll(async () => {
    await dev?.stop();
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it("logs each request once it is answered: method, path, status and ms, one line each", async () => {
    const line = (path: string, status: number) => new RegExp(`GET ${path} ${status} \\d+ ms`, "g");
    expect((await fetch(`${base}/store/ping?secret=1`)).status).toBe(200);
    expect((await fetch(`${base}/store/nowhere`)).status).toBe(404);
    await waitFor(() => line("/store/nowhere", 404).test(dev.output()), 5000, "the request lines");
    expect(dev.output().match(line("/store/ping", 200)), dev.output()).toHaveLength(1);
    expect(dev.output()).not.toContain("secret=1");
    expect(dev.output()).not.toMatch(/^\s+(method|status): /m);
  });

  it("an entity generated but not migrated answers 503 migrations_pending, then serves once migrated", async () => {
    const generated = kiosk("g", "entity", "Meetup", "title:string", "starts_at:datetime", "--crud");
    expect(generated.status, generated.stderr).toBe(0);
    await waitFor(async () => (await admin("/admin/meetups")).status !== 404, 20_000, "the restarted server with /admin/meetups");
    const pending = await admin("/admin/meetups");
    expect(pending, dev.output()).toEqual({
      status: 503,
      body: { type: "unavailable", code: "migrations_pending", message: expect.stringContaining("run `kiosk migrate`") },
    });
    expect(kiosk("migrate").status).toBe(0);
    expect(await admin("/admin/meetups")).toMatchObject({ status: 200, body: { meetups: [], count: 0 } });
  });

  it("a generated datetime field refuses a date that is not ISO 8601, saying so", async () => {
    const bad = await admin("/admin/meetups", { title: "Launch", starts_at: "next monday" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ type: "invalid_data", field: "starts_at", message: expect.stringContaining("expected an ISO 8601 date") });
    const good = await admin("/admin/meetups", { title: "Launch", starts_at: "2030-05-01T18:00:00+02:00" });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.meetup.starts_at).toBe("2030-05-01T16:00:00.000Z");
  });

  describe("changes made while it restarts", () => {
    const holds = () => dev.output().split("slow-start: holding the boot").length - 1;
    /** Runs `change`, then waits until the restarted worker is in the middle of its boot. */
    async function restartAndHold(change: () => void): Promise<void> {
      const before = holds();
      change();
      await waitFor(() => holds() > before, 20_000, "the restarted worker's boot");
    }
    beforeAll(() => fs.writeFileSync(path.join(dir, "slow-start"), ""));
    afterAll(() => fs.rmSync(path.join(dir, "slow-start"), { force: true }));

    it("a second entity generated while the first one's restart runs is served too", async () => {
      await restartAndHold(() => expect(kiosk("g", "entity", "Alpha", "name:string", "--crud").status).toBe(0));
      expect(kiosk("g", "entity", "Beta", "name:string", "--crud").status).toBe(0);
      expect(kiosk("migrate").status).toBe(0);
      await waitFor(async () => (await admin("/admin/alphas")).status === 200 && (await admin("/admin/betas")).status === 200, 30_000, "both entities' routes").catch(
        (err) => {
          throw new Error(`${err.message}\n${dev.output().split("\n").slice(-30).join("\n")}`);
        },
      );
    });

    it("a second kiosk.config.ts edit made while the first one's restart runs is in effect", async () => {
      const config = (origin: string) =>
        `import { defineConfig } from "kiosk";\n\nexport default defineConfig({\n  http: { storeCors: "${origin}" },\n  plugins: [{ resolve: "./plugins/greeter", options: { punctuation: "!" } }],\n});\n`;
      const allowed = async (origin: string) =>
        (await fetch(`${base}/store/ping`, { headers: { origin } })).headers.get("access-control-allow-origin") === origin;
      await restartAndHold(() => fs.writeFileSync(path.join(dir, "kiosk.config.ts"), config("http://one.test")));
      fs.writeFileSync(path.join(dir, "kiosk.config.ts"), config("http://two.test"));
      await waitFor(() => allowed("http://two.test"), 30_000, "the second edit's CORS origin").catch((err) => {
        throw new Error(`${err.message}\n${dev.output().split("\n").slice(-30).join("\n")}`);
      });
      expect(await allowed("http://one.test")).toBe(false);
    });
  });
});

/** What no saved file can fix stops `kiosk develop` at once, in one line, instead of waiting for a save. */
describe("kiosk develop that cannot start", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyFixture("basic");
  });
  afterAll(() => dir && removeProject(dir));

  const develop = (args: string[], env: Record<string, string | undefined> = {}) =>
    runAsync(process.execPath, [KIOSK_BIN, "develop", "--cwd", dir, ...args], { cwd: dir, env: { LOG_LEVEL: "warn", ...env }, timeout: 20_000 });

  it("on a port in use", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const r = await develop(["--port", String(port)]);
      expect(r.status, r.stdout + r.stderr).toBe(1);
      expect(r.stderr.trim()).toBe(`kiosk: port ${port} is already in use [KIOSK_PORT_IN_USE]`);
    } finally {
      taken.close();
    }
  });

  it("on a database that does not answer", async () => {
    const r = await develop(["--port", "0"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(/^kiosk: cannot open the database \(PostgreSQL\): .*ECONNREFUSED.* \[KIOSK_DB_CONNECT\]$/);
  });
});
