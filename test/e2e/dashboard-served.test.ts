import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, KIOSK_BIN, runAsync } from "../helpers/processes";
import { getJson, serve } from "../helpers/server-process";

/**
 * The real bins serve the dashboard: `kiosk develop` at `/app` with the project's
 * extensions compiled from `src/admin` (watched), `kiosk start` from the build,
 * its extensions from `dist/admin` once `src/admin` is gone (SQLite).
 */
describe("the dashboard under kiosk develop and kiosk start", () => {
  let dir: string;
  const kiosk = (...args: string[]) => runAsync(process.execPath, [KIOSK_BIN, ...args, "--cwd", dir], { cwd: dir });

  beforeAll(() => {
    dir = copyFixture("basic");
    fs.writeFileSync(path.join(dir, ".env"), "JWT_SECRET=dashboard-e2e\nADMIN_CORS=http://admin.test\nSTORE_CORS=http://shop.test\n");
    fs.mkdirSync(path.join(dir, "src", "admin", "pages"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "admin", "pages", "hello.tsx"), "export default function Hello() { return <h1>Hello</h1>; }\n");
  });
  afterAll(() => dir && removeProject(dir));

  async function served(command: string[], check: (base: string) => Promise<void>) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serve(process.execPath, [KIOSK_BIN, ...command, "--port", String(port), "--cwd", dir], { cwd: dir });
    try {
      await server.firstOk(base, "/health", 30_000);
      await check(base);
    } finally {
      await server.stop();
    }
  }

  it("kiosk develop serves /app and compiles src/admin on request, telling the dashboard to watch", async () => {
    await served(["develop"], async (base) => {
      const page = await fetch(`${base}/app/orders`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<base href="/app/">');
      const listed = await getJson(`${base}/app/extensions.json`);
      expect(listed.body).toMatchObject({ watch: true, pages: [{ name: "hello" }] });
      const code = await (await fetch(`${base}/app/${listed.body.pages[0].url}`)).text();
      expect(code).toContain("react/jsx-runtime");
    });
  }, 60_000);

  it("kiosk start serves the build, its extensions from dist/admin", async () => {
    for (const step of ["migrate", "build"]) expect((await kiosk(step)).status).toBe(0);
    const pluginBuild = await runAsync(process.execPath, [KIOSK_BIN, "build", "--cwd", path.join(dir, "plugins", "greeter")], { cwd: dir });
    expect(pluginBuild.status, pluginBuild.stderr).toBe(0);
    fs.rmSync(path.join(dir, "src", "admin"), { recursive: true });
    await served(["start", "--host", "127.0.0.1"], async (base) => {
      expect((await fetch(`${base}/app`)).status).toBe(200);
      const listed = await getJson(`${base}/app/extensions.json`);
      expect(listed.body).toMatchObject({ watch: false, pages: [{ name: "hello" }] });
      expect((await fetch(`${base}/app/${listed.body.pages[0].url}`)).status).toBe(200);
    });
  }, 90_000);
});
