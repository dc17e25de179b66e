import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { kioskIn } from "../helpers/processes";
import { startStore, type Store } from "../helpers/store";
import { BROWSABLE } from "../../dashboard/src/browsable";

const load = createRequire(import.meta.url);
const { dashboardApp } = load("../../dist/src/kernel/http/dashboard-app.js") as typeof import("../../src/kernel/http/dashboard-app");
const { buildProject } = load("../../dist/src/cli/commands/build.js") as typeof import("../../src/cli/commands/build");
const { loadConfig } = load("../../dist/src/kernel/config/load-config.js") as typeof import("../../src/kernel/config/load-config");

const generateBook = (dir: string) => {
  const generated = kioskIn(dir)("generate", "entity", "Book", "title:string", "pages:int", "summary:text?", "genre:enum(novel,essay)", "--crud");
  expect(generated.status, generated.stderr).toBe(0);
};

describe.each(DATABASES)("the dashboard's API and serving on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "dashboard_api", {
      config: { admin: { path: "/backoffice" }, customFields: { product_variant: { fabric: { type: "enum", values: ["linen", "cotton"] } }, customer: { points: { type: "int", default: 0, nullable: false } } } },
      prepare: generateBook,
    });
  }, 60_000);
  afterAll(() => store?.close());

  it("describes the project's --crud entities from their validators: GET /admin/dashboard/schema", async () => {
    const res = await store.admin("/admin/dashboard/schema");
    expect(res.status).toBe(200);
    expect(res.body.entities).toHaveLength(1);
    const [book] = res.body.entities;
    expect(book).toMatchObject({ name: "books", label: "Books", path: "/admin/books", list_key: "books", deletable: true });
    expect(Object.keys(book.schema.properties)).toEqual(["title", "pages", "summary", "genre"]);
    expect(book.schema.required).toEqual(["title", "pages", "genre"]);
    expect(book.schema.properties.pages.type).toBe("integer");
    expect(book.schema.properties.genre.enum).toEqual(["novel", "essay"]);
    // The list answer carries the rows under list_key.
    const list = await store.admin(book.path);
    expect(list.body).toMatchObject({ [book.list_key]: [], count: 0 });
  });

  it("answers the config's custom fields of core entities as JSON Schema, only for entities that have some", async () => {
    const { custom_fields } = (await store.admin("/admin/dashboard/schema")).body;
    expect(Object.keys(custom_fields).sort()).toEqual(["customer", "product_variant"]);
    expect(custom_fields.product_variant.properties.fabric.anyOf.find((s: any) => s.enum).enum).toEqual(["linen", "cotton"]);
    expect(custom_fields.customer.properties.points.type).toBe("integer");
  });

  it("answers every list the settings screen browses, under the key it reads", async () => {
    for (const { name, key } of BROWSABLE) {
      const res = await store.admin(`/admin/${name}?offset=0&limit=20`);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(Array.isArray(res.body[key]), `${name} answers ${Object.keys(res.body)}`).toBe(true);
    }
  });

  it("answers the schema to admins only", async () => {
    const res = await store.request("/admin/dashboard/schema");
    expect(res.status).toBe(401);
  });

  it("serves the dashboard at admin.path, index.html for every client route, with a <base href> for it", async () => {
    for (const p of ["/backoffice", "/backoffice/", "/backoffice/orders/order_1"]) {
      const res = await fetch(store.server.url + p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain('<base href="/backoffice/">');
    }
    expect((await fetch(`${store.server.url}/app`)).status).toBe(404);
    const missing = await store.request("/backoffice/assets/nothing.js");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: "not_found" });
    const post = await store.request("/backoffice/orders", { body: {} });
    expect(post.status).toBe(405);
    expect(post.body).toMatchObject({ type: "not_allowed", code: "method_not_allowed" });
  });
});

describe("the dashboard's config and a missing build", () => {
  let dir: string;
  beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-dashboard-config-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  let n = 0;
  /** A project whose config holds `admin` (a folder each: a config file, once loaded, stays loaded). */
  const configWith = (admin: unknown) => {
    const project = path.join(dir, String(++n));
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "kiosk.config.ts"), `export default ${JSON.stringify({ admin })};\n`);
    return loadConfig({ projectDir: project, env: "test" });
  };

  it("defaults to /app, takes another path, and refuses one the API uses", () => {
    expect(configWith(undefined).admin).toEqual({ path: "/app", disable: false });
    expect(configWith({ path: "/shop/admin/" }).admin).toEqual({ path: "/shop/admin", disable: false });
    expect(configWith({ disable: true }).admin.disable).toBe(true);
    for (const bad of ["/admin", "/store/app", "app", "/a b"]) {
      expect(() => configWith({ path: bad }), bad).toThrow(/invalid value at "admin.path"/);
    }
  });

  it("answers 503 dashboard_not_built when dist/dashboard is missing", async () => {
    const config = configWith(undefined);
    const app = express();
    app.use("/app", dashboardApp(config, path.join(dir, "no-build")));
    const server = app.listen(0);
    try {
      await new Promise((resolve) => server.once("listening", resolve));
      const port = (server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/app/orders`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ type: "unavailable", code: "dashboard_not_built" });
    } finally {
      server.close();
    }
  });
});

describe("dashboard extensions (src/admin)", () => {
  let dir: string;
  let base: string;
  let server: import("node:http").Server;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-dashboard-ext-"));
    fs.mkdirSync(path.join(dir, "src", "admin", "pages"), { recursive: true });
    fs.mkdirSync(path.join(dir, "src", "admin", "widgets"), { recursive: true });
    fs.writeFileSync(path.join(dir, "kiosk.config.ts"), "export default {};\n");
    fs.writeFileSync(path.join(dir, "src", "admin", "pages", "stock-report.tsx"), 'export default function StockReport(): JSX.Element { return <h1>Stock</h1>; }\n');
    fs.writeFileSync(path.join(dir, "src", "admin", "widgets", "note.jsx"), 'export const config = { zone: "home" };\nexport default () => <p>Note</p>;\n');
    fs.writeFileSync(path.join(dir, "src", "admin", "widgets", "Not A Name.tsx"), "export default 1;\n");
    const app = express();
    app.use("/app", dashboardApp(loadConfig({ projectDir: dir, env: "test" })));
    server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/app`;
  });
  afterAll(() => {
    server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lists them, and serves each as a browser module compiled from its source", async () => {
    expect(await (await fetch(`${base}/extensions.json`)).json()).toEqual({
      pages: [{ name: "stock-report", url: expect.stringMatching(/^extensions\/pages\/stock-report\.js\?v=\d+$/) }],
      widgets: [{ name: "note", url: expect.stringMatching(/^extensions\/widgets\/note\.js\?v=\d+$/) }],
      watch: false,
    });
    const res = await fetch(`${base}/extensions/pages/stock-report.js`);
    expect(res.headers.get("content-type")).toContain("javascript");
    const code = await res.text();
    expect(code).toContain('from "react/jsx-runtime"');
    expect(code).not.toContain("JSX.Element");
    expect((await fetch(`${base}/extensions/pages/nothing.js`)).status).toBe(404);
  });

  it("tells the dashboard to watch them under kiosk develop", async () => {
    const app = express();
    app.use("/app", dashboardApp(loadConfig({ projectDir: dir, env: "development" })));
    const dev = app.listen(0);
    try {
      await new Promise((resolve) => dev.once("listening", resolve));
      const listed = await (await fetch(`http://127.0.0.1:${(dev.address() as { port: number }).port}/app/extensions.json`)).json();
      expect(listed.watch).toBe(true);
    } finally {
      dev.close();
    }
  });

  it("answers a 422 naming the file when a source does not compile", async () => {
    fs.writeFileSync(path.join(dir, "src", "admin", "pages", "broken.tsx"), "export default () => <div>;\n");
    const res = await fetch(`${base}/extensions/pages/broken.js`);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "extension_not_compiled", message: expect.stringContaining("src/admin/pages/broken.tsx") });
    fs.rmSync(path.join(dir, "src", "admin", "pages", "broken.tsx"));
  });

  it("are built by kiosk build into dist/admin, which serves them without their sources", async () => {
    await buildProject(dir);
    expect(fs.readFileSync(path.join(dir, "dist", "admin", "widgets", "note.js"), "utf8")).toContain("jsx");
    fs.rmSync(path.join(dir, "src", "admin"), { recursive: true });
    const listed = await (await fetch(`${base}/extensions.json`)).json();
    expect(listed.pages.map((p: { name: string }) => p.name)).toEqual(["stock-report"]);
    expect(await (await fetch(`${base}/extensions/widgets/note.js`)).text()).toContain('config = {');
  });
});

describe("admin.disable", () => {
  let store: Store;
  beforeAll(async () => void (store = await startStore("sqlite", "dashboard_off", { config: { admin: { disable: true } } })), 60_000);
  afterAll(() => store?.close());

  it("serves no dashboard", async () => {
    expect((await fetch(`${store.server.url}/app`)).status).toBe(404);
  });
});
