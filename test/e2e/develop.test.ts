import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, spawnKiosk, waitFor, type KioskProcess } from "../helpers/processes";

const routeSource = (word: string) =>
  `import type { KioskRequest, KioskResponse } from "kiosk";\n\nexport function GET(_req: KioskRequest, res: KioskResponse) {\n  res.json({ word: "${word}" });\n}\n`;

describe("kiosk develop", () => {
  let dir: string;
  let dev: KioskProcess;
  let base: string;
  let routeFile: string;

  const word = async () => (await (await fetch(`${base}/store/word`)).json()).word as string;

  beforeAll(async () => {
    dir = copyFixture("basic");
    routeFile = path.join(dir, "src", "api", "store", "word", "route.ts");
    fs.mkdirSync(path.dirname(routeFile), { recursive: true });
    fs.writeFileSync(routeFile, routeSource("one"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawnKiosk(["develop", "--cwd", dir, "--port", String(port)]);
    await waitFor(async () => (await fetch(`${base}/health`)).ok, 20_000, "develop to serve");
  });

  afterAll(async () => {
    await dev?.stop();
    removeProject(dir);
  });

  it("serves a route change in-process, without a restart", async () => {
    expect(await word()).toBe("one");
    fs.writeFileSync(routeFile, routeSource("two"));
    await waitFor(async () => (await word()) === "two", 5000, "the new route");
    expect(dev.output()).toMatch(/reloaded after src\/api\/store\/word\/route.ts/);
    expect(dev.output()).not.toMatch(/restarting/);
  });

  it("keeps the last good version while a file does not compile, and recovers", async () => {
    fs.writeFileSync(routeFile, "export function GET( {\n");
    await waitFor(() => /keeping the last good version/.test(dev.output()), 5000, "the error line");
    expect(dev.output()).toMatch(/route\.ts/);
    expect(await word()).toBe("two");
    fs.writeFileSync(routeFile, routeSource("three"));
    await waitFor(async () => (await word()) === "three", 5000, "recovery");
  });

  it("restarts on a model change and serves again", async () => {
    const model = path.join(dir, "src", "models", "note.ts");
    fs.appendFileSync(model, "\n// touched\n");
    await waitFor(() => /restarting/.test(dev.output()), 5000, "the restart");
    await waitFor(async () => (await word()) === "three", 20_000, "the restarted server");
  });
});
