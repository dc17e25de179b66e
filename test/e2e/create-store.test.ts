import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, REPO } from "../helpers/create-store";
import { freePort, KIOSK_BIN, PRODUCTION_CORS, runAsync as run, type Run } from "../helpers/processes";
import { getJson, serve } from "../helpers/server-process";

const HAS_PRODUCT_MODULE = fs.existsSync(path.join(REPO, "dist", "src", "modules", "product"));
const PG_URL = process.env.KIOSK_TEST_DATABASE_URL;

function lines(s: string): string[] {
  return s.split("\n").filter((l) => l.trim() !== "");
}

/** A server process of the project (`kiosk develop` or `kiosk start`), with its output kept for failures. */
const serveKiosk = (dir: string, args: string[], env: Record<string, string> = {}) =>
  serve(process.execPath, [KIOSK_BIN, ...args, "--cwd", dir], { cwd: dir, env: { LOG_LEVEL: "warn", ...env } });

const login = (base: string, email: string, password: string) =>
  getJson(`${base}/admin/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });

/** The catalog part of `kiosk seed` is being finished: products are only checked once the seed reports them. */
function seededProducts(stdout: string): number {
  return Number(/(\d+) products/.exec(stdout)?.[1] ?? 0);
}

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-create-store-"));
});
afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("create-store --yes on SQLite", () => {
  let dir: string;
  let created: Run;
  let started: number;

  beforeAll(async () => {
    started = performance.now();
    created = await createStore(root, ["shop", "--yes"]);
    dir = path.join(root, "shop");
  });

  it("renders, installs (linked to this checkout), migrates, seeds and commits", () => {
    expect(created.status, created.stderr + created.stdout).toBe(0);
    expect(created.stderr).toBe("");
    const out = created.stdout;
    for (const step of [/Created shop \(\d+ files\)/, /Installed dependencies with npm \(linked to /, /Ran migrations \(\d+ applied\)/, /Loaded demo data \(.*users.*\)/, /Created a git repository/]) {
      expect(out).toMatch(step);
    }
    expect(out).toMatch(/Your store is ready in shop \(\d/);
    expect(out).toContain("cd shop");
    expect(out).toContain("npm run dev");
    expect(out).toMatch(/email\s+admin@example\.com/);
    expect(out).toMatch(/password\s+supersecret/);

    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(pkg).toMatchObject({ name: "shop", private: true, engines: { node: ">=20.19" } });
    expect(pkg.scripts).toMatchObject({ dev: "kiosk develop", build: "kiosk build", start: "kiosk start", migrate: "kiosk migrate", test: "vitest run" });
    expect(pkg.scripts.seed).toMatch(/^kiosk seed/);
    expect(pkg.dependencies.kiosk).toBe(`file:${REPO}`);
    // the link, not a copy: the framework's dependencies were not installed again
    expect(fs.realpathSync(path.join(dir, "node_modules", "kiosk"))).toBe(fs.realpathSync(REPO));
    // the dev tools at the ranges Kiosk uses, installed into the store itself (not links into the checkout)
    const repoPkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
    expect(pkg.devDependencies).toEqual({ "@types/node": repoPkg.devDependencies["@types/node"], typescript: repoPkg.devDependencies.typescript, vitest: repoPkg.devDependencies.vitest });
    expect(fs.lstatSync(path.join(dir, "node_modules", "vitest")).isSymbolicLink()).toBe(false);

    for (const f of ["kiosk.config.ts", "tsconfig.json", "README.md", ".gitignore", ".env", "data/seed.json", "src/api/store/hello/route.ts", "src/services/greeting.ts", "src/subscribers/order-placed.ts", "test/hello.test.ts", "vitest.config.mts"]) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    expect(fs.readdirSync(dir).some((f) => f.endsWith(".hbs") || f.startsWith("_"))).toBe(false);
    expect(fs.readFileSync(path.join(dir, ".gitignore"), "utf8").split("\n")).toEqual(expect.arrayContaining(["node_modules/", "dist/", ".kiosk/", ".env"]));
    const env = fs.readFileSync(path.join(dir, ".env"), "utf8");
    expect(env).toMatch(/^JWT_SECRET=[0-9a-f]{64}$/m);
    expect(env).not.toMatch(/^DATABASE_URL=/m);
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toMatch(/^# shop$/m);
    expect(fs.existsSync(path.join(dir, ".kiosk", "kiosk.sqlite"))).toBe(true);
  });

  it("made one commit of everything but node_modules, .kiosk and .env", async () => {
    const log = await run("git", ["log", "--oneline"], { cwd: dir });
    expect(lines(log.stdout)).toHaveLength(1);
    const status = await run("git", ["status", "--porcelain"], { cwd: dir });
    expect(status.stdout).toBe("");
    const files = lines((await run("git", ["ls-files"], { cwd: dir })).stdout);
    expect(files).toEqual(expect.arrayContaining(["package.json", "package-lock.json", "kiosk.config.ts", "data/seed.json"]));
    expect(files.some((f) => /^(node_modules|\.kiosk|dist)\/|^\.env$/.test(f))).toBe(false);
  });

  it("is served by `kiosk develop`: hello, the seeded admin, products (timed from create-store to the first 200)", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serveKiosk(dir, ["develop", "--port", String(port)]);
    try {
      await server.firstOk(base, "/store/hello");
      const firstOk = performance.now() - started;
      console.log(`create-store --yes: ${Math.round(created.ms)} ms; to the first 200 from kiosk develop: ${Math.round(firstOk)} ms`);
      expect(await getJson(`${base}/store/hello?name=Ada`)).toEqual({ status: 200, body: { message: "Welcome to the store, Ada" } });
      const token = await login(base, "admin@example.com", "supersecret");
      expect(token.status, JSON.stringify(token.body)).toBe(200);
      expect(token.body.access_token).toEqual(expect.any(String));
      if (HAS_PRODUCT_MODULE) {
        const products = await getJson(`${base}/store/products`);
        expect(products.status, JSON.stringify(products.body)).toBe(200);
        expect(products.body.products).toEqual(expect.any(Array));
        const seeded = seededProducts(created.stdout);
        if (seeded) expect(products.body.count).toBe(seeded);
      }
    } finally {
      await server.stop();
    }
  });

  it("type-checks with `tsc --noEmit`", async () => {
    const r = await run(path.join(dir, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it("passes its own test (`npm test`: vitest boots the store in-process)", async () => {
    const r = await run("npm", ["test", "--silent"], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 passed/);
    // on its own SQLite file, not the development one
    expect(fs.existsSync(path.join(dir, ".kiosk", "test.sqlite"))).toBe(true);
  });

  it("builds; `kiosk start` asks for the CORS origins, then serves the build with JWT_SECRET and them from .env", async () => {
    const b = await run(process.execPath, [KIOSK_BIN, "build", "--cwd", dir], { cwd: dir });
    expect(b.status, b.stderr).toBe(0);
    const refused = await run(process.execPath, [KIOSK_BIN, "start", "--port", "0", "--host", "127.0.0.1", "--cwd", dir], { cwd: dir });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr.trim()).toMatch(/^kiosk: STORE_CORS must be set in production: .*\[KIOSK_CORS_UNSET\]$/);
    // What the user does: set the origins of their storefront and admin (the .env has them, commented out).
    const envFile = path.join(dir, ".env");
    expect(fs.readFileSync(envFile, "utf8")).toMatch(/^# STORE_CORS=/m);
    fs.appendFileSync(envFile, `STORE_CORS=${PRODUCTION_CORS.STORE_CORS}\nADMIN_CORS=${PRODUCTION_CORS.ADMIN_CORS}\n`);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serveKiosk(dir, ["start", "--port", String(port), "--host", "127.0.0.1"]);
    try {
      await server.firstOk(base, "/store/hello");
      expect((await getJson(`${base}/store/hello`)).body).toEqual({ message: "Welcome to the store, friend" });
      if (HAS_PRODUCT_MODULE) expect((await getJson(`${base}/store/products`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe("create-store --no-install --no-git --no-migrate --no-seed", () => {
  it("only renders the starter", async () => {
    const r = await createStore(root, ["plain", "--no-install", "--no-git", "--no-migrate", "--no-seed"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const dir = path.join(root, "plain");
    for (const absent of ["node_modules", ".git", ".kiosk", "package-lock.json", "dist"]) {
      expect(fs.existsSync(path.join(dir, absent)), absent).toBe(false);
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).name).toBe("plain");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "data", "seed.json"), "utf8")).users[0].email).toBe("admin@example.com");
    expect(r.stdout).toContain("npm install");
    expect(r.stdout).toContain("npm run migrate");
    expect(r.stdout).not.toMatch(/password\s+supersecret/);
  });
});

describe("create-store refuses bad input with one line and leaves nothing behind", () => {
  async function refuses(args: string[], message: RegExp, env: Record<string, string | undefined> = {}) {
    const before = fs.readdirSync(root).sort();
    const r = await createStore(root, args, env);
    expect(r.status, r.stdout).not.toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^create-store: /);
    expect(r.stderr).toMatch(message);
    expect(fs.readdirSync(root).sort()).toEqual(before);
    return r;
  }

  it("an existing non-empty directory (and keeps what was in it)", async () => {
    const full = path.join(root, "full");
    fs.mkdirSync(full);
    fs.writeFileSync(path.join(full, "notes.txt"), "mine");
    await refuses(["full", "--yes"], /full is not empty/);
    expect(fs.readdirSync(full)).toEqual(["notes.txt"]);
    fs.rmSync(full, { recursive: true });
  });

  it("an invalid package name", async () => {
    await refuses(["Bad Name!", "--yes"], /"Bad Name!" is not a valid package name/);
  });

  it("an unreachable database", async () => {
    await refuses(["unreachable", "--yes", "--db", "postgres", "--db-url", "postgres://127.0.0.1:1/x"], /cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
  });

  it("a failed install (and --keep-on-failure keeps the directory)", async () => {
    const fakeBin = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-fake-npm-"));
    fs.writeFileSync(path.join(fakeBin, "npm"), '#!/bin/sh\necho "npm error code E404" >&2\necho "npm error 404 Not Found - GET https://registry.example/kiosk" >&2\nexit 1\n', { mode: 0o755 });
    const env = { PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` };
    try {
      await refuses(["broken", "--yes"], /npm install failed: npm error 404 Not Found/, env);
      const kept = await createStore(root, ["kept", "--yes", "--keep-on-failure"], env);
      expect(kept.status).not.toBe(0);
      expect(fs.existsSync(path.join(root, "kept", "package.json"))).toBe(true);
      fs.rmSync(path.join(root, "kept"), { recursive: true });
    } finally {
      fs.rmSync(fakeBin, { recursive: true, force: true });
    }
  });

  it("a package manager that is not installed", async () => {
    const missing = ["pnpm", "yarn"].find((pm) => !(process.env.PATH ?? "").split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, pm))));
    if (!missing) return; // both installed here: nothing to refuse
    await refuses(["pm", "--yes", "--package-manager", missing], new RegExp(`${missing} is not installed`));
  });
});

describe.skipIf(!PG_URL)("create-store on PostgreSQL", () => {
  const dbName = `kiosk_cs_${process.pid}_${Date.now()}`;
  const urlFor = (name: string) => {
    const u = new URL(PG_URL!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const url = PG_URL ? urlFor(dbName) : "";

  async function databaseExists(name: string): Promise<boolean> {
    const c = new Client({ connectionString: PG_URL });
    await c.connect();
    try {
      return (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    } finally {
      await c.end();
    }
  }

  afterAll(async () => {
    const c = new Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.end();
  });

  it("creates the database, writes DATABASE_URL to .env, and the store runs on it", async () => {
    expect(await databaseExists(dbName)).toBe(false);
    const r = await createStore(root, ["pgshop", "--yes", "--db", "postgres", "--db-url", url, "--no-git", "--admin-email", "owner@shop.test", "--admin-password", "hunter2hunter2"]);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain(`Created PostgreSQL database ${dbName}`);
    expect(r.stdout).toContain("Created admin user owner@shop.test");
    expect(await databaseExists(dbName)).toBe(true);
    const dir = path.join(root, "pgshop");
    expect(fs.readFileSync(path.join(dir, ".env"), "utf8")).toContain(`DATABASE_URL=${url}`);
    // the chosen admin's password is not written to the seed file
    expect(JSON.parse(fs.readFileSync(path.join(dir, "data", "seed.json"), "utf8")).users).toBeUndefined();
    expect(fs.existsSync(path.join(dir, ".kiosk"))).toBe(false);

    // no DATABASE_URL in the environment: kiosk.config.ts reads it from .env
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = serveKiosk(dir, ["develop", "--port", String(port)]);
    try {
      await server.firstOk(base, "/store/hello");
      expect((await login(base, "owner@shop.test", "hunter2hunter2")).status).toBe(200);
      expect((await login(base, "admin@example.com", "supersecret")).status).toBe(401);
      if (HAS_PRODUCT_MODULE) expect((await getJson(`${base}/store/products`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("drops the database it created when a later step fails", async () => {
    const name = `${dbName}_failed`;
    const fakeBin = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-fake-npm-"));
    fs.writeFileSync(path.join(fakeBin, "npm"), "#!/bin/sh\necho 'npm error network down' >&2\nexit 1\n", { mode: 0o755 });
    try {
      const r = await createStore(root, ["pgfail", "--yes", "--db-url", urlFor(name)], { PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/^create-store: npm install failed: npm error network down/);
      expect(fs.existsSync(path.join(root, "pgfail"))).toBe(false);
      expect(await databaseExists(name)).toBe(false);
    } finally {
      fs.rmSync(fakeBin, { recursive: true, force: true });
    }
  });
});
