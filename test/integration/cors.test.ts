import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kiosk } from "../helpers/kiosk";

type Server = Awaited<ReturnType<typeof kiosk.startTestServer>>;

/** A project of the core modules alone with `http` settings of its own. */
function projectWith(http: Record<string, unknown>): string {
  const dir = copyFixture("store");
  fs.writeFileSync(path.join(dir, "kiosk.config.ts"), `export default ${JSON.stringify({ http })};\n`);
  return dir;
}

/** What a browser sends for a credentialed call from `origin`: a preflight, then the request with its cookie. */
async function fromBrowser(server: Server, route: string, origin: string) {
  const preflight = await fetch(server.url + route, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
  });
  const request = await fetch(server.url + route, { headers: { origin, cookie: "kiosk_session=whatever" } });
  return {
    preflight: preflight.headers.get("access-control-allow-origin"),
    allowed: request.headers.get("access-control-allow-origin"),
    credentials: request.headers.get("access-control-allow-credentials"),
  };
}

describe("CORS outside production, with no origins configured", () => {
  let dir: string;
  let server: Server;

  beforeAll(async () => {
    dir = projectWith({});
    server = await kiosk.startTestServer({ projectDir: dir });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) removeProject(dir);
  });

  it.each(["http://localhost:8000", "http://localhost", "http://127.0.0.1:5173"])("allows %s, with credentials", async (origin) => {
    for (const route of ["/store/products", "/admin/products"]) {
      const res = await fromBrowser(server, route, origin);
      expect(res).toEqual({ preflight: origin, allowed: origin, credentials: "true" });
    }
  });

  it.each(["https://evil.example", "http://localhost.evil.example:8000", "https://localhost:8000"])("gives %s no allow header", async (origin) => {
    for (const route of ["/store/products", "/admin/products"]) {
      const res = await fromBrowser(server, route, origin);
      expect(res.preflight).toBeNull();
      expect(res.allowed).toBeNull();
    }
  });
});

describe("CORS with listed origins", () => {
  let dir: string;
  let server: Server;

  beforeAll(async () => {
    dir = projectWith({ storeCors: "https://shop.example.com, https://preview.example.com:*", adminCors: "https://admin.example.com" });
    server = await kiosk.startTestServer({ projectDir: dir });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) removeProject(dir);
  });

  it("allows exactly the listed origins, each on its own API", async () => {
    expect((await fromBrowser(server, "/store/products", "https://shop.example.com")).allowed).toBe("https://shop.example.com");
    expect((await fromBrowser(server, "/store/products", "https://preview.example.com:4443")).allowed).toBe("https://preview.example.com:4443");
    expect((await fromBrowser(server, "/admin/products", "https://admin.example.com")).allowed).toBe("https://admin.example.com");
    for (const [route, origin] of [
      ["/store/products", "https://admin.example.com"],
      ["/admin/products", "https://shop.example.com"],
      ["/store/products", "http://localhost:8000"],
      ["/admin/products", "https://evil.example"],
      ["/store/products", "https://shop.example.com.evil.example"],
    ]) {
      const res = await fromBrowser(server, route, origin);
      expect(res.preflight, `${origin} on ${route}`).toBeNull();
      expect(res.allowed, `${origin} on ${route}`).toBeNull();
    }
  });
});

describe("CORS settings that cannot be served", () => {
  it("refuses an entry that is not an origin, naming the variable", async () => {
    const dir = projectWith({ storeCors: "https://*.example.com" });
    try {
      await expect(kiosk.startTestServer({ projectDir: dir })).rejects.toMatchObject({
        code: "KIOSK_CONFIG_INVALID",
        message: expect.stringContaining('STORE_CORS: "https://*.example.com" is not an origin'),
      });
    } finally {
      removeProject(dir);
    }
  });
});
