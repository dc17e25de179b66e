import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStore, REPO } from "../helpers/create-store";
import { freePort, runAsync as run } from "../helpers/processes";
import { getJson, serve } from "../helpers/server-process";

/** `git status --porcelain` of the checkout: what a command left behind in it. */
const checkoutStatus = async () => (await run("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: REPO })).stdout;

/**
 * The README's first command run as written, in the checkout itself: the store
 * it makes is its own (own test config, own dev tools), leaves the checkout
 * clean, and keeps working once moved elsewhere.
 */
describe("a store scaffolded inside the checkout (the README's first command)", () => {
  // The README's name is my-shop; .gitignore ignores /my-shop*/, and this one must not clash with a user's.
  const name = `my-shop-e2e-${process.pid}`;
  const inside = path.join(REPO, name);
  const moved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-moved-store-")), name);

  afterAll(() => {
    fs.rmSync(inside, { recursive: true, force: true });
    fs.rmSync(path.dirname(moved), { recursive: true, force: true });
  });

  it("is created, and the checkout's git status stays clean", async () => {
    const before = await checkoutStatus();
    const r = await createStore(REPO, [name, "--yes"]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(await checkoutStatus()).toBe(before);
  });

  it("depends on the checkout only through `kiosk`: its dev tools are its own", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(inside, "package.json"), "utf8"));
    const repoPkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
    expect(pkg.dependencies).toEqual({ kiosk: `file:${REPO}` });
    for (const tool of ["@types/node", "typescript", "vitest"]) {
      expect(pkg.devDependencies[tool], tool).toBe(repoPkg.devDependencies[tool]);
      const installed = path.join(inside, "node_modules", ...tool.split("/"));
      expect(fs.lstatSync(installed).isSymbolicLink(), tool).toBe(false);
    }
    expect(JSON.stringify(pkg.devDependencies)).not.toContain(REPO);
    // The link to the checkout is absolute: moving the store does not break it.
    expect(fs.readlinkSync(path.join(inside, "node_modules", "kiosk"))).toBe(REPO);
  });

  it("runs its own tests with its own vitest config, not the checkout's", async () => {
    const r = await run("npm", ["test", "--silent"], { cwd: inside, timeout: 120_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Test Files\s+1 passed \(1\)/);
    expect(r.stdout).toMatch(/2 passed/);
  });

  it("still type-checks and passes its tests once moved out of the checkout", async () => {
    fs.renameSync(inside, moved);
    const tsc = await run(path.join(moved, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."], { cwd: moved });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const r = await run("npm", ["test", "--silent"], { cwd: moved, timeout: 120_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 passed/);
  });
});

describe("npm run dev:starter", () => {
  it("serves a seeded copy of starter/ and writes nothing into the checkout", async () => {
    const before = await checkoutStatus();
    const hadDatabase = fs.existsSync(path.join(REPO, "starter", ".kiosk"));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serve("npm", ["run", "dev:starter", "--", "--port", String(port)], { cwd: REPO });
    try {
      await server.firstOk(base, "/store/products", 60_000);
      const products = await getJson(`${base}/store/products`);
      expect(products.body.count, server.output()).toBeGreaterThan(0);
    } finally {
      await server.stop();
      const copy = /a seeded copy of starter\/ in (\S+)/.exec(server.output())?.[1];
      if (copy) fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    }
    expect(await checkoutStatus()).toBe(before);
    if (!hadDatabase) expect(fs.existsSync(path.join(REPO, "starter", ".kiosk"))).toBe(false);
  });
});
