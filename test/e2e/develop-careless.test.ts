import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, kioskIn, spawnKiosk, waitFor, type KioskProcess } from "../helpers/processes";
import { getJson } from "../helpers/server-process";

const ADMIN = { email: "admin@develop.test", password: "supersecret" };

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
});
