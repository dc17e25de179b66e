import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { kiosk as kioskPackage } from "../helpers/kiosk";
import { runAsync } from "../helpers/processes";

/**
 * The whole path a user takes: the real `create-store` bin makes a project, every
 * generator writes into it, and the result type-checks, migrates, passes its own
 * tests and serves the generated routes, on SQLite and (with KIOSK_TEST_DATABASE_URL)
 * on a PostgreSQL database that create-store itself creates.
 */

const REPO = path.resolve(__dirname, "..", "..");
const CREATE_STORE_BIN = path.join(REPO, "bin", "create-store.js");
const PG_URL = process.env.KIOSK_TEST_DATABASE_URL;
const HAS_PRODUCT_MODULE = fs.existsSync(path.join(REPO, "dist", "src", "modules", "product"));

const GENERATORS = [
  ["entity", "Book", "title:string", "pages:int?", "--crud"],
  ["entity", "Review", "book:belongs-to", "rating:int"],
  ["service", "Pricing"],
  ["route", "store/shelf/[id]", "--methods", "get"],
  ["subscriber", "BookLogger", "--event", "book.created"],
  ["job", "Nightly", "--schedule", "0 3 * * *"],
  ["migration", "noop"],
  ["plugin", "loyalty"],
];

const ms = (n: number) => `${Math.round(n)} ms`;

describe.each(DATABASES)("create-store, every generator, and the result on $name", ({ name }) => {
  const dbName = `kiosk_sg_${process.pid}_${Date.now()}`;
  const dbUrl = name === "postgres" ? Object.assign(new URL(PG_URL!), { pathname: `/${dbName}` }).toString() : undefined;
  /** What every command in the project gets: the database, explicitly (kiosk.config.ts would also read it from .env). */
  const dbEnv = { DATABASE_URL: dbUrl };
  const timings: string[] = [];
  let root: string;
  let dir: string;
  let kioskBin: string;

  const kiosk = (...args: string[]) => runAsync(process.execPath, [kioskBin, ...args], { cwd: dir, env: dbEnv });

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), `kiosk-store-gen-${name}-`));
    dir = path.join(root, "shop");
    // The project's own kiosk: the link to this checkout that create-store installs.
    kioskBin = path.join(dir, "node_modules", "kiosk", "bin", "kiosk.js");
  });

  afterAll(async () => {
    console.log(`store-generators on ${name}: ${timings.join(", ")}`);
    if (dbUrl) {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    }
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it("create-store shop --yes makes the project", async () => {
    const args = ["shop", "--yes", "--no-git", ...(dbUrl ? ["--db", "postgres", "--db-url", dbUrl] : [])];
    const r = await runAsync(process.execPath, [CREATE_STORE_BIN, ...args], { cwd: root, timeout: 90_000 });
    timings.push(`create-store ${ms(r.ms)}`);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/Ran migrations \(\d+ applied\)/);
    if (dbUrl) expect(r.stdout).toContain(`Created PostgreSQL database ${dbName}`);
    expect(fs.existsSync(kioskBin)).toBe(true);
  }, 90_000);

  it("runs every generator", async () => {
    const started = performance.now();
    for (const args of GENERATORS) {
      const r = await kiosk("g", ...args);
      expect(r.status, `kiosk g ${args.join(" ")}: ${r.stderr}${r.stdout}`).toBe(0);
      expect(r.stderr, args.join(" ")).toBe("");
    }
    timings.push(`generators ${ms(performance.now() - started)}`);
    for (const file of [
      "src/models/book.ts",
      "src/api/admin/books/route.ts",
      "src/api/admin/books/[id]/route.ts",
      "test/book.test.ts",
      "src/models/review.ts",
      "src/services/pricing.ts",
      "src/api/store/shelf/[id]/route.ts",
      "src/subscribers/book-logger.ts",
      "src/jobs/nightly.ts",
      "plugins/loyalty/src/services/loyalty.ts",
    ]) {
      expect(fs.existsSync(path.join(dir, file)), file).toBe(true);
    }
    expect(fs.readdirSync(path.join(dir, "src", "migrations")).some((f) => /^\d{13}-noop\.ts$/.test(f))).toBe(true);
    expect(fs.readFileSync(path.join(dir, "kiosk.config.ts"), "utf8")).toContain('plugins: [{ resolve: "./plugins/loyalty" }]');
  });

  it("type-checks with tsc --noEmit; the plugin builds with tsc", async () => {
    const tsc = fs.existsSync(path.join(dir, "node_modules", ".bin", "tsc"))
      ? path.join(dir, "node_modules", ".bin", "tsc")
      : path.join(REPO, "node_modules", ".bin", "tsc");
    const project = await runAsync(tsc, ["--noEmit", "-p", dir], { cwd: dir });
    timings.push(`tsc ${ms(project.ms)}`);
    expect(project.stdout + project.stderr).toBe("");
    expect(project.status).toBe(0);
    // The plugin's build (its dist/ is what `kiosk start` loads; TypeScript runs use its src/).
    const plugin = await runAsync(tsc, ["-p", path.join(dir, "plugins", "loyalty")], { cwd: dir });
    expect(plugin.stdout + plugin.stderr).toBe("");
    expect(plugin.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "plugins", "loyalty", "dist", "services", "loyalty.js"))).toBe(true);
  });

  it("kiosk migrate runs the generated migrations", async () => {
    const r = await kiosk("migrate");
    timings.push(`migrate ${ms(r.ms)}`);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/ran\s+CreateBook\d{13}/);
    expect(r.stdout).toMatch(/ran\s+CreateReview\d{13}/);
    expect(r.stdout).toMatch(/ran\s+Noop\d{13}/);
    expect((await kiosk("migrate", "check")).stdout).toMatch(/^entities and migrations agree/);
  });

  it("passes its own tests (npm test)", async () => {
    // A project's tests (the starter's and the generated ones) read TEST_DATABASE_URL.
    const r = await runAsync("npm", ["test", "--silent"], { cwd: dir, env: { TEST_DATABASE_URL: dbUrl } });
    timings.push(`npm test ${ms(r.ms)}`);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // hello (starter), book (the --crud entity's test), loyalty (the plugin's); Review has no --crud, so no test
    expect(r.stdout + r.stderr).toMatch(/Test Files\s+3 passed \(3\)/);
  }, 60_000);

  it("serves the generated admin CRUD and store route, and the seeded products, over HTTP", async () => {
    const started = performance.now();
    if (name === "sqlite") {
      // In-process (NODE_ENV=test) the project's kiosk.config.ts picks .kiosk/test.sqlite, which its own
      // tests created empty: boot on a copy of the store's database, the one create-store seeded and
      // `kiosk migrate` migrated.
      const data = path.join(dir, ".kiosk");
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(data, `test.sqlite${suffix}`), { force: true });
      fs.copyFileSync(path.join(data, "kiosk.sqlite"), path.join(data, "test.sqlite"));
      expect(fs.existsSync(path.join(data, "kiosk.sqlite-wal"))).toBe(false);
    }
    const server = await kioskPackage.startTestServer({ projectDir: dir, databaseUrl: dbUrl, migrate: false });
    try {
      const login = await server.request("/admin/auth/token", { body: { email: "admin@example.com", password: "supersecret" } });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const headers = { authorization: `Bearer ${login.body.access_token}` };
      const call = (url: string, init: { method?: string; body?: unknown } = {}) => server.request(url, { ...init, headers });

      expect((await server.request("/admin/books")).status).toBe(401);
      const created = await call("/admin/books", { body: { title: "Dune", pages: 412 } });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      expect(created.body.book).toMatchObject({ title: "Dune", pages: 412, id: expect.stringMatching(/^book_/) });
      const id: string = created.body.book.id;

      const list = await call("/admin/books?limit=1000");
      expect(list.status).toBe(200);
      expect(list.body.books.map((b: { id: string }) => b.id)).toContain(id);
      expect((await call(`/admin/books/${id}`)).body.book).toMatchObject({ id, title: "Dune" });
      const updated = await call(`/admin/books/${id}`, { body: { title: "Dune Messiah", pages: null } });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      expect(updated.body.book).toMatchObject({ id, title: "Dune Messiah", pages: null });
      expect((await call(`/admin/books/${id}`, { method: "DELETE" })).body).toEqual({ id, object: "book", deleted: true });
      expect((await call(`/admin/books/${id}`)).status).toBe(404);

      expect(await server.request("/store/shelf/x")).toMatchObject({ status: 200, body: { id: "x" } });
      expect(await server.request("/store/loyalty")).toMatchObject({ status: 200, body: { plugin: "loyalty", options: [] } });

      if (HAS_PRODUCT_MODULE) {
        const products = await server.request("/store/products");
        expect(products.status, JSON.stringify(products.body)).toBe(200);
        expect(products.body.count).toBe(JSON.parse(fs.readFileSync(path.join(dir, "data", "seed.json"), "utf8")).products.length);
        expect(products.body.products.length).toBeGreaterThan(0);
      }
    } finally {
      await server.close();
    }
    timings.push(`HTTP ${ms(performance.now() - started)}`);
  });
});
