import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, KIOSK_BIN, kioskIn, PRODUCTION_CORS } from "../helpers/processes";
import { serve } from "../helpers/server-process";

/**
 * `kiosk start` (production) and its CORS origins: a wildcard, which with
 * credentials would let any site act as a signed-in admin, or no origins at all,
 * stop start-up in one line naming the variable; listed origins serve, and only them.
 */
describe("kiosk start and CORS origins", () => {
  let dir: string;
  let kiosk: ReturnType<typeof kioskIn>;
  const start = (env: Record<string, string | undefined>) =>
    kioskIn(dir, { JWT_SECRET: "cors-e2e", ...env })("start", "--port", "0", "--host", "127.0.0.1");

  function expectRefused(r: { status: number | null; stderr: string }, pattern: RegExp) {
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    const lines = r.stderr.split("\n").filter((l) => l.trim());
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  }

  beforeAll(() => {
    dir = copyFixture("store");
    kiosk = kioskIn(dir);
    const build = kiosk("build");
    expect(build.status, build.stderr).toBe(0);
    const migrate = kiosk("migrate");
    expect(migrate.status, migrate.stderr).toBe(0);
  });
  afterAll(() => dir && removeProject(dir));

  it('refuses STORE_CORS="*", naming STORE_CORS', () => {
    expectRefused(
      start({ STORE_CORS: "*", ADMIN_CORS: PRODUCTION_CORS.ADMIN_CORS }),
      /^kiosk: STORE_CORS is "\*", which lets any site call the API with credentials: set STORE_CORS to the origins of your storefront, comma separated \(e\.g\. STORE_CORS=https:\/\/shop\.example\.com\) \[KIOSK_CORS_WILDCARD\]$/,
    );
  });

  it('refuses a "*" among ADMIN_CORS origins, naming ADMIN_CORS', () => {
    expectRefused(
      start({ STORE_CORS: PRODUCTION_CORS.STORE_CORS, ADMIN_CORS: "https://admin.example.com,*" }),
      /^kiosk: ADMIN_CORS is "\*".*set ADMIN_CORS to the origins of your admin.*\[KIOSK_CORS_WILDCARD\]$/,
    );
  });

  it("stops a --cluster start whose workers refuse, instead of hanging", () => {
    const r = kioskIn(dir, { JWT_SECRET: "cors-e2e", STORE_CORS: "*", ADMIN_CORS: PRODUCTION_CORS.ADMIN_CORS })(
      "start",
      "--cluster",
      "2",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
    );
    expect(r.status, r.stderr).not.toBeNull();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("[KIOSK_CORS_WILDCARD]");
    expect(r.stderr).toMatch(/a worker exited with code \d+ before it started serving \[KIOSK_WORKER_FAILED\]/);
  });

  it("refuses to start with no origins set, naming STORE_CORS", () => {
    expectRefused(start({}), /^kiosk: STORE_CORS must be set in production: the origins of your storefront, comma separated .*\[KIOSK_CORS_UNSET\]$/);
  });

  it("serves with listed origins, and a credentialed request from any other origin gets no CORS allow header", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serve(process.execPath, [KIOSK_BIN, "start", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir], {
      cwd: dir,
      env: { JWT_SECRET: "cors-e2e", LOG_LEVEL: "warn", ...PRODUCTION_CORS },
    });
    try {
      await server.firstOk(base, "/health");
      const call = (route: string, origin: string) =>
        fetch(base + route, { headers: { origin, cookie: "kiosk_session=whatever" } }).then((r) => ({
          allowed: r.headers.get("access-control-allow-origin"),
          credentials: r.headers.get("access-control-allow-credentials"),
        }));
      expect(await call("/admin/products", "https://evil.example")).toEqual({ allowed: null, credentials: null });
      expect(await call("/store/products", "https://evil.example")).toEqual({ allowed: null, credentials: null });
      // Outside production these would be allowed; here only the listed origins are.
      expect((await call("/admin/products", "http://localhost:7001")).allowed).toBeNull();
      expect(await call("/admin/products", PRODUCTION_CORS.ADMIN_CORS)).toEqual({ allowed: PRODUCTION_CORS.ADMIN_CORS, credentials: "true" });
      expect(await call("/store/products", PRODUCTION_CORS.STORE_CORS)).toEqual({ allowed: PRODUCTION_CORS.STORE_CORS, credentials: "true" });
      expect((await call("/store/products", PRODUCTION_CORS.ADMIN_CORS)).allowed).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
