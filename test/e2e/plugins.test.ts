import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart } from "../helpers/checkout";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kiosk as kioskPackage } from "../helpers/kiosk";
import { cleanEnv, freePort, KIOSK_BIN, kioskIn, PRODUCTION_CORS, run, waitFor } from "../helpers/processes";
import type { Store } from "../helpers/store";

/**
 * Plugins end to end, with the worked example `test/fixtures/reviews-plugin`
 * (the package `kiosk-plugin-reviews`, built with tsc into its dist/ once) in the
 * `plugin-host` project: loaded from a folder, as an installed package, and after
 * `kiosk plugin add`; migrated by `kiosk migrate`, serving its routes and receiving
 * `order.placed` after a real checkout over HTTP. Then the plugin commands' edits and
 * refusals, and the start-up errors of a plugin that cannot load.
 */

const REPO = path.resolve(__dirname, "..", "..");
const TSC = path.join(REPO, "node_modules", ".bin", "tsc");
const PLUGIN = "kiosk-plugin-reviews";
const MIGRATION = "CreateReviews1750000000000";
const ADMIN = { email: "admin@plugins.test", password: "supersecret" };


const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const write = (dir: string, file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
const config = (plugins: string) => `import { defineConfig } from "kiosk";\n\nexport default defineConfig({\n  plugins: ${plugins},\n});\n`;
const EMPTY_CONFIG = 'import { defineConfig } from "kiosk";\n\nexport default defineConfig({});\n';

/** A failed command: non-zero, one line on stderr, naming `pattern`. */
function expectOneErrorLine(r: { status: number | null; stderr: string }, pattern: string | RegExp): string {
  expect(r.status).not.toBe(0);
  expect(r.status).not.toBeNull();
  const lines = r.stderr.split("\n").filter((l) => l.trim());
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^kiosk: /);
  if (typeof pattern === "string") expect(lines[0]).toContain(pattern);
  else expect(lines[0]).toMatch(pattern);
  return lines[0];
}

/** The plugin built once: `<tmp>/kiosk-plugin-reviews` with src/ and dist/, compiled by the repo's tsc. */
let built: string;
let workspace: string;

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-plugin-build-"));
  for (const [name, target] of [
    ["kiosk", REPO],
    ["@types/node", path.join(REPO, "node_modules", "@types", "node")],
  ]) {
    fs.mkdirSync(path.dirname(path.join(workspace, "node_modules", name)), { recursive: true });
    fs.symlinkSync(target, path.join(workspace, "node_modules", name), "dir");
  }
  built = path.join(workspace, PLUGIN);
  fs.cpSync(path.join(REPO, "test", "fixtures", "reviews-plugin"), built, { recursive: true });
  const tsc = run(TSC, ["-p", built]);
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
});

afterAll(() => workspace && removeProject(workspace));

/** Copies the plugin into a project: the whole folder (src, dist) or, as npm would install it, package.json and dist/ only. */
function copyPlugin(to: string, what: "folder" | "published") {
  if (what === "folder") return fs.cpSync(built, to, { recursive: true });
  fs.mkdirSync(to, { recursive: true });
  fs.copyFileSync(path.join(built, "package.json"), path.join(to, "package.json"));
  fs.cpSync(path.join(built, "dist"), path.join(to, "dist"), { recursive: true });
}

/** The host project, with its plugin where a variant puts it. */
function hostWith(variant: "folder" | "package" | "added"): string {
  const dir = copyFixture("plugin-host");
  if (variant === "package") {
    copyPlugin(path.join(dir, "node_modules", PLUGIN), "published");
    write(dir, "kiosk.config.ts", config(`["${PLUGIN}"]`));
  } else {
    copyPlugin(path.join(dir, "plugins", "reviews"), "folder");
    if (variant === "added") write(dir, "kiosk.config.ts", EMPTY_CONFIG);
  }
  return dir;
}

type Request = Store["request"];

/** The helpers of test/helpers/checkout.ts need `request` and `admin`: any server reached over HTTP will do. */
async function signedIn(request: Request): Promise<Store> {
  const login = await request("/admin/auth/token", { body: ADMIN });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const adminHeaders = { authorization: `Bearer ${login.body.access_token}` };
  return {
    request,
    adminHeaders,
    admin: (url: string, init: Parameters<Request>[1] = {}) => request(url, { ...init, headers: { ...adminHeaders, ...init.headers } }),
  } as unknown as Store;
}

/** `fetch` against a server in another process, answering like `TestServer.request`. */
function httpClient(base: string): Request {
  return async (url, init = {}) => {
    const res = await fetch(base + url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
}

/**
 * What every variant must do: the plugin's store and admin routes (validated,
 * 404 for an unknown product through the core product service, admin-only), its
 * `autoApprove` option, and a `review_request` per product once a checkout over
 * HTTP has placed an order.
 */
async function exercisePlugin(store: Store, autoApprove: boolean): Promise<{ orderId: string }> {
  const region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
  const option = await createShippingOption(store, region.id, 499);
  const mug = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 1000, currency_code: "dkk" }] }]);
  const cup = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 600, currency_code: "dkk" }] }]);

  const reviews = `/store/products/${mug.id}/reviews`;
  const written = expectStatus(await store.request(reviews, { body: { rating: 5, title: "Great mug", body: "Keeps it hot." } }), 200).review;
  expect(written).toMatchObject({ id: expect.stringMatching(/^rev_/), product_id: mug.id, rating: 5, status: autoApprove ? "approved" : "pending" });
  if (!autoApprove) {
    expect(expectStatus(await store.request(reviews), 200)).toMatchObject({ reviews: [], count: 0 });
    const pending = expectStatus(await store.admin("/admin/reviews?status=pending"), 200);
    expect(pending).toMatchObject({ count: 1, reviews: [{ id: written.id }] });
    expect(expectStatus(await store.admin(`/admin/reviews/${written.id}/approve`, { method: "POST" }), 200).review.status).toBe("approved");
  }
  expect(expectStatus(await store.request(reviews), 200)).toMatchObject({ count: 1, offset: 0, limit: 10, reviews: [{ id: written.id, title: "Great mug" }] });

  expect((await store.request("/store/products/prod_unknown/reviews")).status).toBe(404);
  expect((await store.request("/store/products/prod_unknown/reviews", { body: { rating: 4, title: "t", body: "b" } })).status).toBe(404);
  expect(expectStatus(await store.request(reviews, { body: { rating: 6, title: "t", body: "b" } }), 400)).toMatchObject({ type: "invalid_data", field: "rating" });
  expect((await store.request(reviews, { body: { rating: 4, title: "t", body: "b", spam: true } })).status).toBe(400);
  expect((await store.request("/admin/reviews")).status).toBe(401);
  expect((await store.admin("/admin/reviews/rev_unknown/approve", { method: "POST" })).status).toBe(404);

  // A real checkout: order.placed reaches the plugin's subscriber.
  const cart = await readyCart(store, {
    regionId: region.id,
    optionId: option.id,
    items: [
      { variant_id: mug.variants[0].id, quantity: 2 },
      { variant_id: cup.variants[0].id, quantity: 1 },
    ],
  });
  const done = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200);
  expect(done.type).toBe("order");
  const order = done.data;
  let requests: any = {};
  await waitFor(async () => {
    requests = expectStatus(await store.admin(`/admin/review-requests?order_id=${order.id}`), 200);
    return requests.count === 2;
  }, 10_000, "the plugin's order.placed subscriber");
  expect(requests.review_requests.map((r: { product_id: string }) => r.product_id).sort()).toEqual([mug.id, cup.id].sort());
  expect(requests.review_requests[0]).toMatchObject({ id: expect.stringMatching(/^revreq_/), order_id: order.id, email: order.email });
  return { orderId: order.id };
}

/** `migrate show` lists the plugin's migration under its package name. */
function expectPluginMigration(stdout: string, applied: boolean): void {
  expect(stdout).toContain(`plugin:${PLUGIN}\n  [${applied ? "x" : " "}] ${MIGRATION}\n`);
}

describe.each(DATABASES)("plugins on $name", ({ name }) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** A host for one variant, with its own database. */
  async function setUp(variant: "folder" | "package" | "added") {
    const dir = hostWith(variant);
    const db = await suiteDatabase(name, `plugins_${variant}`);
    cleanups.push(() => removeProject(dir), () => db.drop());
    return { dir, db, kiosk: kioskIn(dir, { DATABASE_URL: db.url }) };
  }

  /** Migrates with the real bin, checking `migrate show` before and after. */
  function migrate(kiosk: ReturnType<typeof kioskIn>) {
    const before = kiosk("migrate", "show");
    expect(before.stderr).toBe("");
    expectPluginMigration(before.stdout, false);
    const ran = kiosk("migrate");
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(new RegExp(`^ran\\s+${MIGRATION}$`, "m"));
    expectPluginMigration(kiosk("migrate", "show").stdout, true);
  }

  /** The host served in-process (TypeScript mode, as in `kiosk develop`), with an admin user. */
  async function serveInProcess(dir: string, databaseUrl: string | undefined) {
    const server = await kioskPackage.startTestServer({ projectDir: dir, databaseUrl });
    cleanups.push(() => server.close());
    await server.kernel.container.resolve<any>("userService").create(ADMIN);
    return { server, store: await signedIn(server.request) };
  }

  it("(a) from a folder with options: migrates, loads its src/ in development, serves its routes, gets order.placed", { timeout: 90_000 }, async () => {
    const { dir, db, kiosk } = await setUp("folder");
    migrate(kiosk);
    const check = kiosk("migrate", "check");
    expect(check.stderr).toBe("");
    expect(check.stdout).toMatch(/^entities and migrations agree/);

    const { server, store } = await serveInProcess(dir, db.url);
    const root = server.kernel.project.roots.find((r) => r.name === `plugin:${PLUGIN}`)!;
    expect(root).toMatchObject({ dir: path.join(dir, "plugins", "reviews", "src"), options: { autoApprove: true } });
    expect(server.kernel.container.resolve<any>("reviewService").options).toEqual({ autoApprove: true });

    const { orderId } = await exercisePlugin(store, true);
    // A second delivery of the same order (the Redis bus delivers at least once) records nothing new.
    expect(await server.kernel.container.resolve<any>("reviewService").requestReviews(orderId)).toEqual([]);
  });

  it("(b) as an installed package: loads its dist/, without options", { timeout: 90_000 }, async () => {
    const { dir, db, kiosk } = await setUp("package");
    migrate(kiosk);
    const { server, store } = await serveInProcess(dir, db.url);
    const root = server.kernel.project.roots.find((r) => r.name === `plugin:${PLUGIN}`)!;
    expect(root.dir).toBe(path.join(dir, "node_modules", PLUGIN, "dist"));
    await exercisePlugin(store, false);
  });

  it("(c) `kiosk plugin add ./plugins/reviews`, then kiosk build and kiosk start serve it from its dist/", { timeout: 90_000 }, async () => {
    const { dir, db, kiosk } = await setUp("added");
    expect(kiosk("migrate", "show").stdout).not.toContain("plugin:");
    const added = kiosk("plugin", "add", "./plugins/reviews");
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/^update\s+kiosk\.config\.ts$/m);
    expect(read(dir, "kiosk.config.ts")).toBe(config('[{ resolve: "./plugins/reviews" }]'));
    migrate(kiosk);
    const user = kiosk("user", "create", "--email", ADMIN.email, "--password", ADMIN.password);
    expect(user.stderr).toBe("");
    const build = kiosk("build");
    expect(build.stderr).toBe("");

    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [KIOSK_BIN, "start", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir], {
      env: cleanEnv({ DATABASE_URL: db.url, ...PRODUCTION_CORS, JWT_SECRET: "plugins-e2e", LOG_LEVEL: "warn" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`kiosk start exited: ${output}`);
      return (await fetch(`${base}/health`)).ok;
    }, 15_000, `${base}/health`).catch((err) => {
      throw new Error(`${err.message}\n${output}`);
    });
    await exercisePlugin(await signedIn(httpClient(base)), false);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("kiosk plugin add / remove", () => {
  let dir: string;
  let kiosk: ReturnType<typeof kioskIn>;
  let fakeBin: string;
  let npmLog: string;

  beforeAll(() => {
    dir = hostWith("added");
    fakeBin = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-fake-npm-"));
    npmLog = path.join(fakeBin, "npm.log");
    // npm without the network: installs kiosk-plugin-reviews from the build, a package
    // that is no plugin as `not-a-plugin`, and answers 404 for anything else.
    fs.writeFileSync(
      path.join(fakeBin, "npm"),
      `#!${process.execPath}
const fs = require("node:fs");
const path = require("node:path");
const [command, spec] = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(npmLog)}, process.argv.slice(2).join(" ") + "\\n");
const install = (name, copy) => {
  const to = path.join(process.cwd(), "node_modules", name);
  copy(to);
  const file = path.join(process.cwd(), "package.json");
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  pkg.dependencies = { ...pkg.dependencies, [name]: "^1.0.0" };
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\\n");
  fs.writeFileSync(path.join(process.cwd(), "package-lock.json"), "{}\\n");
};
if (command === "install" && spec === ${JSON.stringify(PLUGIN)}) {
  install(spec, (to) => {
    fs.mkdirSync(to, { recursive: true });
    fs.copyFileSync(${JSON.stringify(path.join(built, "package.json"))}, path.join(to, "package.json"));
    fs.cpSync(${JSON.stringify(path.join(built, "dist"))}, path.join(to, "dist"), { recursive: true });
  });
} else if (command === "install" && spec === "not-a-plugin") {
  install(spec, (to) => {
    fs.mkdirSync(to, { recursive: true });
    fs.writeFileSync(path.join(to, "package.json"), '{ "name": "not-a-plugin", "main": "index.js" }\\n');
  });
} else {
  console.error("npm error code E404");
  console.error("npm error 404 Not Found - GET https://registry.npmjs.org/" + spec + " - Not found");
  console.error("npm error A complete log of this run can be found in: /tmp/npm.log");
  process.exit(1);
}
`,
      { mode: 0o755 },
    );
    kiosk = kioskIn(dir, { PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` });
  });
  afterAll(() => {
    if (dir) removeProject(dir);
    if (fakeBin) removeProject(fakeBin);
  });

  const npmCalls = () => (fs.existsSync(npmLog) ? fs.readFileSync(npmLog, "utf8").trim().split("\n").filter(Boolean) : []);

  it("answers --help with examples", () => {
    const r = run(process.execPath, [KIOSK_BIN, "plugin", "add", "--help"]);
    expect(r.status).toBe(0);
    for (const text of ["--options <json>", "--dry-run", "-C, --cwd <dir>", "Examples:\n  $ kiosk plugin add kiosk-plugin-reviews\n"]) {
      expect(r.stdout).toContain(text);
    }
    expect(run(process.execPath, [KIOSK_BIN, "plugin", "--help"]).stdout).toMatch(/^  remove\|rm \[options\] <pkg\|path>/m);
  });

  it("adds a folder: --dry-run shows the diff, then the edit with options, then identical", () => {
    const dry = kiosk("plugin", "add", "./plugins/reviews", "--options", '{"autoApprove":true}', "--dry-run");
    expect(dry.stderr).toBe("");
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('+  plugins: [{ resolve: "./plugins/reviews", options: { autoApprove: true } }],');
    expect(dry.stdout.trim().split("\n").pop()).toBe("dry run: nothing written");
    expect(read(dir, "kiosk.config.ts")).toBe(EMPTY_CONFIG);

    const added = kiosk("plugin", "add", "./plugins/reviews", "--options", '{"autoApprove":true}');
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/^update\s+kiosk\.config\.ts\nnote\s+run `kiosk migrate` to apply the plugin's migrations$/m);
    const edited = config('[{ resolve: "./plugins/reviews", options: { autoApprove: true } }]');
    expect(read(dir, "kiosk.config.ts")).toBe(edited);

    // Listed already, however it is written: nothing to do, exit 0.
    for (const again of [["./plugins/reviews"], ["plugins/reviews"], [path.join(dir, "plugins", "reviews")]]) {
      const r = kiosk("plugin", "add", ...again);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^identical\s+kiosk\.config\.ts$/m);
    }
    expect(read(dir, "kiosk.config.ts")).toBe(edited);
  });

  it("removes it again, back to the file it was", () => {
    const dry = kiosk("plugin", "remove", "./plugins/reviews", "--dry-run");
    expect(dry.stdout).toContain('-  plugins: [{ resolve: "./plugins/reviews", options: { autoApprove: true } }],');
    expect(read(dir, "kiosk.config.ts")).not.toBe(EMPTY_CONFIG);
    const removed = kiosk("plugin", "remove", "./plugins/reviews");
    expect(removed.stderr).toBe("");
    expect(read(dir, "kiosk.config.ts")).toBe(EMPTY_CONFIG);
    const again = kiosk("plugin", "rm", "./plugins/reviews");
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^identical\s+kiosk\.config\.ts\nnote\s+\.\/plugins\/reviews is not in kiosk\.config\.ts's plugins$/m);
  });

  it.each([
    [["./plugins/nope"], /plugins\/nope.*no folder at .*\[KIOSK_PLUGIN_NOT_FOUND\]$/],
    [["./src"], /"\.\/src" is not a Kiosk plugin: no package\.json in .*\[KIOSK_NOT_A_PLUGIN\]$/],
    [["./plugins/reviews", "--options", "{autoApprove:true}"], /--options must be a JSON object .*\[KIOSK_BAD_ARGUMENT\]$/],
    [["./plugins/reviews", "--options", "[1]"], /--options must be a JSON object .*got \[1\] \[KIOSK_BAD_ARGUMENT\]$/],
    [["Not A Package"], /"Not A Package" is neither a package name nor a folder .*\[KIOSK_BAD_ARGUMENT\]$/],
  ])("refuses %j in one line and changes nothing", (args, message) => {
    const before = [read(dir, "kiosk.config.ts"), read(dir, "package.json")];
    expectOneErrorLine(kiosk("plugin", "add", ...args), message);
    expect([read(dir, "kiosk.config.ts"), read(dir, "package.json")]).toEqual(before);
  });

  it("a package: --dry-run names the install and runs nothing; a failed install leaves config and package.json as they were", () => {
    const before = [read(dir, "kiosk.config.ts"), read(dir, "package.json")];
    const dry = kiosk("plugin", "add", PLUGIN, "--dry-run");
    expect(dry.stderr).toBe("");
    expect(dry.stdout).toMatch(new RegExp(`^install\\s+${PLUGIN} \\(npm install ${PLUGIN}\\)$`, "m"));
    expect(dry.stdout).toContain(`+  plugins: ["${PLUGIN}"],`);
    expect(npmCalls()).toEqual([]);

    const failed = kiosk("plugin", "add", "kiosk-plugin-nope");
    expectOneErrorLine(
      failed,
      "kiosk: npm install kiosk-plugin-nope failed: npm error 404 Not Found - GET https://registry.npmjs.org/kiosk-plugin-nope - Not found; kiosk.config.ts not changed [KIOSK_PLUGIN_INSTALL_FAILED]",
    );
    const notPlugin = kiosk("plugin", "add", "not-a-plugin");
    expectOneErrorLine(notPlugin, /"not-a-plugin" is not a Kiosk plugin: no dist\/ in .*; nothing changed \[KIOSK_NOT_A_PLUGIN\]$/);
    expect(npmCalls()).toEqual(["install kiosk-plugin-nope", "install not-a-plugin"]);
    expect([read(dir, "kiosk.config.ts"), read(dir, "package.json")]).toEqual(before);
    expect(fs.existsSync(path.join(dir, "node_modules", "not-a-plugin"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "package-lock.json"))).toBe(false);
  });

  it("a package: installs it with npm, lists it by name, and skips the install once it is there", () => {
    const added = kiosk("plugin", "add", PLUGIN, "--options", '{"autoApprove":false}');
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(new RegExp(`^install\\s+${PLUGIN} \\(npm install ${PLUGIN}\\)\\nupdate\\s+kiosk\\.config\\.ts$`, "m"));
    expect(read(dir, "kiosk.config.ts")).toBe(config(`[{ resolve: "${PLUGIN}", options: { autoApprove: false } }]`));
    expect(JSON.parse(read(dir, "package.json")).dependencies[PLUGIN]).toBe("^1.0.0");
    expect(kiosk("migrate", "show").stdout).toContain(`plugin:${PLUGIN}\n  [ ] ${MIGRATION}`);

    const again = kiosk("plugin", "add", PLUGIN);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^skip\\s+npm install ${PLUGIN} \\(${PLUGIN} is installed\\)\\nidentical\\s+kiosk\\.config\\.ts$`, "m"));
    expect(npmCalls().filter((c) => c.includes(PLUGIN))).toEqual([`install ${PLUGIN}`]);

    const removed = kiosk("plugin", "remove", PLUGIN);
    expect(removed.stderr).toBe("");
    expect(removed.stdout).toContain(`the package stays installed: npm uninstall ${PLUGIN} removes it`);
    expect(read(dir, "kiosk.config.ts")).toBe(EMPTY_CONFIG);
  });

  it("uses the project's package manager, from its lockfile", () => {
    fs.rmSync(path.join(dir, "package-lock.json"), { force: true });
    write(dir, "pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
    try {
      const dry = kiosk("plugin", "add", "@acme/kiosk-reviews@^2.0.0", "--dry-run");
      expect(dry.stderr).toBe("");
      expect(dry.stdout).toMatch(/^install\s+@acme\/kiosk-reviews@\^2\.0\.0 \(pnpm add @acme\/kiosk-reviews@\^2\.0\.0\)$/m);
      expect(dry.stdout).toContain('+  plugins: ["@acme/kiosk-reviews"],');
    } finally {
      fs.rmSync(path.join(dir, "pnpm-lock.yaml"));
    }
  });
});

describe("a plugin that cannot load stops start-up, naming it", () => {
  let dir: string;
  let kiosk: ReturnType<typeof kioskIn>;

  beforeAll(() => {
    dir = hostWith("folder");
    kiosk = kioskIn(dir, { ...PRODUCTION_CORS, JWT_SECRET: "plugins-e2e" });
  });
  afterAll(() => dir && removeProject(dir));

  /** `kiosk build` then `kiosk start` with `plugins`: the production start-up, which must fail in one line. */
  function start(plugins: string) {
    write(dir, "kiosk.config.ts", config(plugins));
    const build = kiosk("build");
    expect(build.stderr).toBe("");
    return kiosk("start", "--port", "0", "--host", "127.0.0.1");
  }

  it("a package that is not installed", () => {
    expectOneErrorLine(
      start('["kiosk-plugin-missing"]'),
      /^kiosk: plugin "kiosk-plugin-missing" is not installed in .*: run `kiosk plugin add kiosk-plugin-missing`.* \[KIOSK_PLUGIN_NOT_FOUND\]$/,
    );
  });

  it("a plugin without its build: a folder in production, a package even in development", () => {
    fs.cpSync(path.join(dir, "plugins", "reviews"), path.join(dir, "plugins", "unbuilt"), { recursive: true });
    fs.rmSync(path.join(dir, "plugins", "unbuilt", "dist"), { recursive: true });
    expectOneErrorLine(
      start('[{ resolve: "./plugins/unbuilt" }]'),
      /^kiosk: plugin "kiosk-plugin-reviews" \(\.\/plugins\/unbuilt\) is not built: no dist\/ in .*plugins\/unbuilt \(production loads a plugin's dist\/: build it first\) \[KIOSK_PLUGIN_NOT_BUILT\]$/,
    );
    fs.cpSync(path.join(dir, "plugins", "unbuilt"), path.join(dir, "node_modules", PLUGIN), { recursive: true });
    write(dir, "kiosk.config.ts", config(`["${PLUGIN}"]`));
    expectOneErrorLine(kiosk("migrate", "show"), `plugin "${PLUGIN}" has no dist/ in ${path.join(dir, "node_modules", PLUGIN)}: a plugin package must ship its build [KIOSK_PLUGIN_NOT_BUILT]`);
    fs.rmSync(path.join(dir, "node_modules", PLUGIN), { recursive: true });
  });

  it("a file of its build that throws when imported", () => {
    const broken = path.join(dir, "plugins", "broken");
    fs.cpSync(path.join(dir, "plugins", "reviews"), broken, { recursive: true });
    fs.appendFileSync(path.join(broken, "dist", "services", "review.js"), '\nthrow new Error("review service exploded");\n');
    expectOneErrorLine(
      start('[{ resolve: "./plugins/broken" }]'),
      'kiosk: plugin "kiosk-plugin-reviews" (./plugins/broken) failed to load: dist/services/review.js: review service exploded [KIOSK_PLUGIN_LOAD]',
    );
  });

  it("options its loader refuses", () => {
    expectOneErrorLine(
      start('[{ resolve: "./plugins/reviews", options: { autoApprove: "yes" } }]'),
      /^kiosk: plugin "kiosk-plugin-reviews" \(\.\/plugins\/reviews\) failed to load: dist\/loaders\/check-options\.js: options\.autoApprove: .*boolean.* \[KIOSK_PLUGIN_LOADER\]$/,
    );
  });

  it("a plugin with its own copy of kiosk, and one listed twice", () => {
    const own = path.join(dir, "plugins", "own-kiosk");
    fs.cpSync(path.join(dir, "plugins", "reviews"), own, { recursive: true });
    write(own, "node_modules/kiosk/package.json", '{ "name": "kiosk", "version": "0.0.1" }\n');
    write(dir, "kiosk.config.ts", config('[{ resolve: "./plugins/own-kiosk" }]'));
    expectOneErrorLine(kiosk("migrate", "show"), /resolves its own copy of kiosk \(.*own-kiosk\/node_modules\/kiosk\), not the project's .*\[KIOSK_PLUGIN_KIOSK_MISMATCH\]$/);
    write(dir, "kiosk.config.ts", config('["./plugins/reviews", { resolve: "./plugins/../plugins/reviews" }]'));
    expectOneErrorLine(kiosk("migrate", "show"), /plugin "kiosk-plugin-reviews" \(\.\/plugins\/\.\.\/plugins\/reviews\) is listed twice in plugins \[KIOSK_PLUGIN_DUPLICATE\]$/);
  });
});
