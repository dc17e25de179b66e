import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, KIOSK_BIN, runAsync, waitFor } from "../helpers/processes";
import { getJson, serve } from "../helpers/server-process";

const lines = (s: string) => s.split("\n").filter((l) => l.trim() !== "");

/**
 * `kiosk start` in a project whose settings live in `.env` (as create-store
 * writes them), with nothing in the environment: without a build it refuses,
 * creating nothing; with one it serves on the `.env`'s database and secret.
 */
describe.each(DATABASES)("kiosk start reads .env and needs a build ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  const kioskIn = (cwd: string, ...args: string[]) => runAsync(process.execPath, [KIOSK_BIN, ...args, "--cwd", cwd], { cwd });
  const kiosk = (...args: string[]) => kioskIn(dir, ...args);

  beforeAll(async () => {
    dir = copyFixture("basic");
    db = await suiteDatabase(name, "start_env");
    const env = ["JWT_SECRET=from-the-env-file", "ADMIN_CORS=http://admin.test", ...(db.url ? [`DATABASE_URL=${db.url}`] : [])];
    fs.writeFileSync(path.join(dir, ".env"), `${env.join("\n")}\n`);
  });

  afterAll(async () => {
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it("refuses without a build, in one line, and creates no database file", async () => {
    const r = await kiosk("start", "--port", "0", "--host", "127.0.0.1");
    expect(r.status, r.stdout + r.stderr).not.toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^kiosk: no build: run `kiosk build`.* \[KIOSK_NO_BUILD\]$/m);
    expect(fs.existsSync(path.join(dir, ".kiosk"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "dist"))).toBe(false);
  });

  it("migrates, builds and serves on the database and the secret of .env, logging no requests", async () => {
    // `kiosk start` loads plugins from their build: the fixture's local plugin is built on its own.
    for (const [cwd, command] of [[dir, "migrate"], [path.join(dir, "plugins", "greeter"), "build"], [dir, "build"]]) {
      const r = await kioskIn(cwd, command);
      expect(r.status, `kiosk ${command}: ${r.stderr}`).toBe(0);
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serve(process.execPath, [KIOSK_BIN, "start", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir], { cwd: dir });
    try {
      await server.firstOk(base, "/health");
      const created = await getJson(`${base}/store/notes`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "kept in the .env database" }),
      });
      expect(created.status, server.output()).toBe(201);
    } finally {
      await server.stop();
    }
    // Production logs no request lines by default.
    expect(server.output()).not.toMatch(/POST \/store\/notes 201/);
    if (db.url) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        expect((await client.query("SELECT title FROM project_note")).rows).toEqual([{ title: "kept in the .env database" }]);
      } finally {
        await client.end();
      }
      expect(fs.existsSync(path.join(dir, ".kiosk"))).toBe(false);
    } else {
      expect(fs.existsSync(path.join(dir, ".kiosk", "kiosk.sqlite"))).toBe(true);
    }
  });

  it("logs each request with LOG_LEVEL=debug", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serve(process.execPath, [KIOSK_BIN, "start", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir], {
      cwd: dir,
      env: { LOG_LEVEL: "debug" },
    });
    try {
      await server.firstOk(base, "/store/notes");
      await waitFor(() => /GET \/store\/notes 200 \d+ ms/.test(server.output()), 5000, "the request line");
    } finally {
      await server.stop();
    }
  });
});
