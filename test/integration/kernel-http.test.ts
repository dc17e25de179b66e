import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kiosk } from "../helpers/kiosk";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { DATABASES, suiteDatabase } from "../helpers/databases";

type Server = Awaited<ReturnType<typeof kiosk.startTestServer>>;

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(DATABASES)("kernel over HTTP on $name", ({ name }) => {
  let dir: string;
  let server: Server;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    dir = copyFixture("basic");
    const db = await suiteDatabase(name, "kernel_http");
    drop = db.drop;
    server = await kiosk.startTestServer({ projectDir: dir, databaseUrl: db.url });
  });

  afterAll(async () => {
    await server?.close();
    await drop?.();
    removeProject(dir);
  });

  it("routes catch-alls, HEAD, a trailing slash and any case like express, and refuses a malformed URL", async () => {
    expect((await server.request("/store/files/a/b%20c/d.txt")).body).toEqual({ path: "a/b c/d.txt" });
    const head = await fetch(`${server.url}/store/ping`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect((await server.request("/store/ping/")).body).toEqual({ pong: true });
    expect((await server.request("/Store/PING")).body).toEqual({ pong: true });
    const bad = await server.request("/store/notes/%E0%A4%A");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ type: "invalid_data", code: "invalid_url" });
    expect((await server.request("/store/notes", { method: "PATCH", body: {} })).status).toBe(404);
  });

  it("answers /health", async () => {
    const res = await server.request("/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/\S+/);
  });

  it("serves a file route with params and a route middleware", async () => {
    const created = await server.request("/store/notes", { body: { title: "first", stars: 4 } });
    expect(created.status).toBe(201);
    expect(created.body.note.id).toMatch(/^note_[0-9A-HJKMNP-TV-Z]{26}$/);
    const got = await server.request(`/store/notes/${created.body.note.id}`);
    expect(got.status).toBe(200);
    expect(got.body.note).toMatchObject({ title: "first", stars: 4 });
    expect(got.body.seen_by).toBe("notes-middleware");
  });

  it("lets the project override a plugin's service, and passes plugin options", async () => {
    const list = await server.request("/store/notes");
    expect(list.body.greeting).toBe("hello store");
    const fromPlugin = await server.request("/store/greeting");
    expect(fromPlugin.status).toBe(200);
    expect(fromPlugin.body.greeting).toBe("hello plugin route");
  });

  it("delivers an event after commit, once, despite a failing subscriber", async () => {
    const created = await server.request("/store/notes", { body: { title: "evented" } });
    expect(created.status).toBe(201);
    const events = await eventually(
      () => server.request("/store/received-events").then((r) => r.body.events as { note_id: string }[]),
      (e) => e.some((x) => x.note_id === created.body.note.id),
    );
    expect(events.filter((e) => e.note_id === created.body.note.id)).toHaveLength(1);
  });

  it("drops the data and the event of a rolled-back transaction", async () => {
    const before = (await server.request("/store/notes")).body.count;
    const failed = await server.request("/store/notes", { body: { title: "doomed", fail: true } });
    expect(failed.status).toBe(400);
    expect(failed.body).toEqual({ type: "invalid_data", code: "forced_failure", message: "failing on purpose after the insert" });
    await server.kernel.outbox.drain();
    const after = await server.request("/store/notes");
    expect(after.body.count).toBe(before);
    const events = (await server.request("/store/received-events")).body.events as { note_id: string }[];
    const noteIds = new Set((after.body.notes as { id: string }[]).map((n) => n.id));
    expect(events.every((e) => noteIds.has(e.note_id))).toBe(true);
  });

  it("rejects malformed JSON, bad fields and unknown fields with 400 and changes nothing", async () => {
    const before = (await server.request("/store/notes")).body.count;
    const malformed = await server.request("/store/notes", { body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ type: "invalid_data", code: "invalid_json" });
    const wrongType = await server.request("/store/notes", { body: { title: 42 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ type: "invalid_data", code: "invalid_request", field: "title" });
    const unknown = await server.request("/store/notes", { body: { title: "x", price: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("price");
    expect((await server.request("/store/notes")).body.count).toBe(before);
  });

  it("answers 404 JSON for unknown routes and unknown ids", async () => {
    const route = await server.request("/store/nothing-here");
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ type: "not_found", code: "route_not_found" });
    const id = await server.request("/store/notes/note_missing");
    expect(id.status).toBe(404);
    expect(id.body).toMatchObject({ type: "not_found", message: "Note with id note_missing was not found" });
  });

  it("maps middleware errors to 401 and masks unexpected errors as 500 without a stack", async () => {
    expect((await server.request("/store/staff/ping")).status).toBe(401);
    const ok = await server.request("/store/staff/ping", { headers: { authorization: "Bearer fixture-staff" } });
    expect(ok.body).toEqual({ pong: true });
    const boom = await server.request("/store/staff/ping", { method: "DELETE", headers: { authorization: "Bearer fixture-staff" } });
    expect(boom.status).toBe(500);
    expect(boom.body).toEqual({ type: "unexpected_state", code: "internal_error", message: "An unexpected error occurred" });
  });

  it("sends CORS headers for the configured store origin", async () => {
    const res = await fetch(`${server.url}/store/notes`, { headers: { origin: "http://shop.test" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://shop.test");
  });
});

describe("start-up errors", () => {
  it("stops with the path and the reason when a resource file has the wrong shape", async () => {
    const dir = copyFixture("basic");
    try {
      const file = path.join(dir, "src", "subscribers", "no-config.ts");
      fs.writeFileSync(file, "export default async function () {}\n");
      await expect(kiosk.startTestServer({ projectDir: dir })).rejects.toMatchObject({
        code: "KIOSK_RESOURCE_SHAPE",
        message: expect.stringContaining(`${file}: expected export const config = { event: string | string[] }`),
      });
    } finally {
      removeProject(dir);
    }
  });

  it("stops with the path when a resource file does not compile", async () => {
    const dir = copyFixture("basic");
    try {
      const file = path.join(dir, "src", "services", "broken.ts");
      fs.writeFileSync(file, "export default class Broken {\n  method( {\n}\n");
      await expect(kiosk.startTestServer({ projectDir: dir })).rejects.toMatchObject({
        code: "KIOSK_RESOURCE_IMPORT",
        message: expect.stringContaining(file),
      });
    } finally {
      removeProject(dir);
    }
  });

  it("names the config key that is invalid", async () => {
    const dir = copyFixture("basic");
    try {
      fs.writeFileSync(path.join(dir, "kiosk.config.ts"), 'export default { http: { port: "abc" } };\n');
      await expect(kiosk.startTestServer({ projectDir: dir })).rejects.toMatchObject({
        code: "KIOSK_CONFIG_INVALID",
        message: expect.stringContaining('"http.port"'),
      });
    } finally {
      removeProject(dir);
    }
  });
});

describe("graceful shutdown", () => {
  it("finishes a request in flight, then refuses new connections", async () => {
    const dir = copyFixture("basic");
    const slow = path.join(dir, "src", "api", "store", "slow", "route.ts");
    fs.mkdirSync(path.dirname(slow), { recursive: true });
    fs.writeFileSync(
      slow,
      'export async function GET(_req: any, res: any) {\n  await new Promise((r) => setTimeout(r, 400));\n  res.json({ done: true });\n}\n',
    );
    const server = await kiosk.startTestServer({ projectDir: dir });
    try {
      const inFlight = fetch(`${server.url}/store/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
      await new Promise((r) => setTimeout(r, 100));
      const closing = server.close();
      const result = await inFlight;
      expect(result).toEqual({ status: 200, body: { done: true } });
      await closing;
      await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    } finally {
      removeProject(dir);
    }
  });
});
