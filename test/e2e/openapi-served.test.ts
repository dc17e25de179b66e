import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, KIOSK_BIN, PRODUCTION_CORS, runAsync, waitFor } from "../helpers/processes";
import { getJson, serve, type ServerProcess } from "../helpers/server-process";

/** The validation errors of an OpenAPI 3.1 document (none when it is valid). */
async function openApiErrors(doc: unknown): Promise<unknown[]> {
  const result = await new Validator().validate(structuredClone(doc) as never);
  return (result.errors as unknown[] | undefined) ?? [];
}

const routeSource = `import type { KioskRequest, KioskResponse } from "kiosk";\n\nexport function GET(_req: KioskRequest, res: KioskResponse) {\n  res.json({ added: true });\n}\n`;

/** `GET /openapi.json` as a project meets it: on under `kiosk develop`, and kept current as routes are saved. */
describe("GET /openapi.json under kiosk develop", () => {
  let dir: string;
  let dev: ServerProcess;
  let base: string;

  beforeAll(async () => {
    dir = copyFixture("basic");
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = serve(process.execPath, [KIOSK_BIN, "develop", "--cwd", dir, "--port", String(port)], { cwd: dir });
    await dev.firstOk(base, "/health");
  });

  afterAll(async () => {
    await dev?.stop();
    if (dir) removeProject(dir);
  });

  it("serves a valid document of the project's routes, and one with a route file saved while it runs", async () => {
    const first = await getJson(`${base}/openapi.json`);
    expect(first.status, dev.output()).toBe(200);
    expect(await openApiErrors(first.body)).toEqual([]);
    expect(first.body.paths["/store/notes"]).toBeDefined();
    expect(first.body.paths["/store/openapi-added"]).toBeUndefined();

    const routeFile = path.join(dir, "src", "api", "store", "openapi-added", "route.ts");
    fs.mkdirSync(path.dirname(routeFile), { recursive: true });
    fs.writeFileSync(routeFile, routeSource);
    await waitFor(async () => (await getJson(`${base}/store/openapi-added`)).status === 200, 10_000, "the added route");
    const second = await getJson(`${base}/openapi.json`);
    expect(second.status).toBe(200);
    expect(second.body.paths["/store/openapi-added"]?.get, Object.keys(second.body.paths).join(", ")).toBeDefined();
    expect(await openApiErrors(second.body)).toEqual([]);
  });
});

/** `kiosk start` (production): no /openapi.json unless the config turns it on. */
describe.each(DATABASES)("GET /openapi.json under kiosk start ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  const env = () => ({ ...PRODUCTION_CORS, JWT_SECRET: "openapi-e2e", ...(db.url ? { DATABASE_URL: db.url } : {}) });
  const kiosk = async (...args: string[]) => {
    const r = await runAsync(process.execPath, [KIOSK_BIN, ...args, "--cwd", dir], { cwd: dir, env: env() });
    expect(r.status, `kiosk ${args.join(" ")}: ${r.stdout}${r.stderr}`).toBe(0);
  };
  /** Builds, starts, answers GET /openapi.json and stops. */
  const servedDocument = async () => {
    await kiosk("build");
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serve(process.execPath, [KIOSK_BIN, "start", "--cwd", dir, "--port", String(port), "--host", "127.0.0.1"], { cwd: dir, env: env() });
    try {
      await server.firstOk(base, "/health");
      return await getJson(`${base}/openapi.json`);
    } finally {
      await server.stop();
    }
  };

  beforeAll(async () => {
    dir = copyFixture("store");
    db = await suiteDatabase(name, "openapi_start");
    await kiosk("migrate");
  });

  afterAll(async () => {
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it("answers 404 by default, and the document with http.openapi: true", async () => {
    const off = await servedDocument();
    expect(off.status).toBe(404);
    expect(off.body).toMatchObject({ type: "not_found" });
    expect(typeof off.body.message).toBe("string");

    fs.writeFileSync(path.join(dir, "kiosk.config.ts"), `import { defineConfig } from "kiosk";\n\nexport default defineConfig({ http: { openapi: true } });\n`);
    const on = await servedDocument();
    expect(on.status).toBe(200);
    expect(await openApiErrors(on.body)).toEqual([]);
    expect(on.body.paths["/store/products/{id}"].get.operationId).toBe("getStoreProductsById");
  });
});
