import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kiosk as framework } from "../helpers/kiosk";
import { KIOSK_BIN } from "../helpers/processes";

const STARTER_SEED = path.resolve(__dirname, "..", "..", "starter", "data", "seed.json");

describe.each(DATABASES)("kiosk seed and kiosk user create on $name", ({ name }) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;

  const kiosk = (...args: string[]) => {
    const r = spawnSync(process.execPath, [KIOSK_BIN, ...args, "--cwd", dir], { env, encoding: "utf8" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  /** The catalog, shipping options and users as the APIs see them, through a server booted on the same database. */
  async function snapshot() {
    const server = await framework.startTestServer({ projectDir: dir, databaseUrl: env.DATABASE_URL, migrate: false });
    try {
      const products = await server.request("/store/products?limit=100");
      const regions = await server.request("/store/regions");
      const users = await server.kernel.container.resolve<any>("userService").list({ offset: 0, limit: 100 });
      const options = (await server.request("/store/shipping-options")).body.shipping_options as any[];
      const regionName = new Map<string, string>(regions.body.regions.map((r: { id: string; name: string }) => [r.id, r.name]));
      return {
        products: products.body.count,
        regions: regions.body.count,
        users: users[1],
        /** `<region>: <name> <amount> [min_subtotal >= n]`, sorted. */
        shippingOptions: options
          .map((o) => `${regionName.get(o.region_id)}: ${o.name} ${o.amount}${o.requirements.map((r: any) => ` [${r.type} ${r.amount}]`).join("")}`)
          .sort(),
        storeCategories: (await server.request("/store/product-categories")).body.product_categories.map((c: { handle: string }) => c.handle),
        body: products.body,
      };
    } finally {
      await server.close();
    }
  }

  beforeAll(async () => {
    dir = copyFixture("store");
    const db = await suiteDatabase(name, "seed");
    drop = db.drop;
    env = { ...process.env, ...(db.url ? { DATABASE_URL: db.url } : {}) };
    delete env.NODE_ENV;
    expect(kiosk("migrate").status).toBe(0);
  });

  afterAll(async () => {
    await drop?.();
    removeProject(dir);
  });

  it("refuses a bad seed file with one line and changes nothing", async () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, "{ not json");
    let r = kiosk("seed", "--file", bad);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^kiosk: cannot read .*bad\.json: .* \[KIOSK_SEED_INVALID\]$/m);

    fs.writeFileSync(bad, JSON.stringify({ products: [{ title: "No variants", handle: "x", variants: [] }] }));
    r = kiosk("seed", "--file", bad);
    expect(r.stderr).toMatch(/products\.0\.variants: .*KIOSK_SEED_INVALID/);

    // Valid shape, but the second product names a collection that does not exist: all rolled back.
    const seed = JSON.parse(fs.readFileSync(STARTER_SEED, "utf8"));
    seed.products[1].collection = "no-such-collection";
    fs.writeFileSync(bad, JSON.stringify(seed));
    r = kiosk("seed", "--file", bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no collection with the handle no-such-collection/);
    expect(await snapshot()).toMatchObject({ products: 0, regions: 0, users: 0, shippingOptions: [] });

    expect(kiosk("seed", "--file", "missing.json").stderr).toMatch(/no such file/);
  });

  it("refuses a bad shipping option with one line, and rolls back what came before it", async () => {
    const bad = path.join(dir, "bad-shipping.json");
    const seed = JSON.parse(fs.readFileSync(STARTER_SEED, "utf8"));
    const withOption = (option: Record<string, unknown>) => JSON.stringify({ ...seed, shipping_options: [...seed.shipping_options, option] });
    const last = seed.shipping_options.length;
    const refused = (option: Record<string, unknown>) => {
      fs.writeFileSync(bad, withOption(option));
      const r = kiosk("seed", "--file", bad);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      return r.stderr.trim();
    };

    // Checked with the file, before the database is opened.
    expect(refused({ name: "Refund", region: "Europe", amount: -100 })).toMatch(
      new RegExp(`^kiosk: .*bad-shipping\\.json: shipping_options\\.${last}\\.amount: Too small: expected number to be >=0 \\[KIOSK_SEED_INVALID\\]$`),
    );
    expect(refused({ name: "Express", region: "Europe", amount: 1500, requirements: [{ type: "min_subtotal", amount: -1 }] })).toMatch(
      /shipping_options\.\d+\.requirements\.0\.amount: Too small/,
    );
    expect(refused({ name: "Express", region: "Europe", amount: 1500, price_type: "calculated" })).toMatch(/price_type: only flat_rate prices are supported/);

    // Found while loading, after the users, the regions and the demo's own options were written: all rolled back.
    expect(refused({ name: "Express", region: "Mars", amount: 1500 })).toBe(
      "kiosk: shipping_options: the shipping option Express names the region Mars, which neither the seed nor the store has [KIOSK_SEED_FAILED]",
    );
    expect(refused({ name: "Express", region: "Europe", amount: 1500, provider_id: "pigeon" })).toMatch(
      /^kiosk: shipping_options: .*pigeon.* \[KIOSK_SEED_FAILED\]$/,
    );
    expect(await snapshot()).toMatchObject({ products: 0, regions: 0, users: 0, shippingOptions: [], storeCategories: [] });
  });

  it("loads the starter's demo data, and a second run skips what is there", async () => {
    const seed = JSON.parse(fs.readFileSync(STARTER_SEED, "utf8"));
    let r = kiosk("seed", "--file", STARTER_SEED);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^products\\s+${seed.products.length} created$`, "m"));
    expect(r.stdout).toMatch(/^shipping_options\s+4 created$/m);
    expect(r.stdout).toMatch(/seeded from .* in \d+ ms/);
    const first = await snapshot();
    expect(first).toMatchObject({ products: seed.products.length, regions: seed.regions.length, users: seed.users.length });
    const variant = first.body.products[0].variants[0];
    expect(variant.prices.length).toBeGreaterThan(0);
    // A store that sells: a flat rate and free shipping over 50.00 in every region, and a category the store shows.
    expect(first.shippingOptions).toEqual([
      "Europe: Free Shipping 0 [min_subtotal 5000]",
      "Europe: Standard Shipping 800",
      "North America: Free Shipping 0 [min_subtotal 5000]",
      "North America: Standard Shipping 900",
    ]);
    expect(first.storeCategories).toEqual(["apparel"]);

    r = kiosk("seed", "--file", STARTER_SEED);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^products\\s+0 created, ${seed.products.length} already there$`, "m"));
    expect(r.stdout).toMatch(/^shipping_options\s+0 created, 4 already there$/m);
    const second = await snapshot();
    expect(second).toMatchObject({ products: first.products, regions: first.regions, users: first.users });
    expect(second.shippingOptions).toEqual(first.shippingOptions);
    expect(second.storeCategories).toEqual(first.storeCategories);

    // A later file may name a region the store already has; a name taken in that region is skipped.
    const more = path.join(dir, "more-shipping.json");
    fs.writeFileSync(more, JSON.stringify({ shipping_options: [
      { name: "Standard Shipping", region: "Europe", amount: 100 },
      { name: "Express", region: "Europe", amount: 1500, requirements: [{ type: "max_subtotal", amount: 20000 }] },
    ] }));
    r = kiosk("seed", "--file", more);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shipping_options\s+1 created, 1 already there$/m);
    expect((await snapshot()).shippingOptions).toEqual([...first.shippingOptions, "Europe: Express 1500 [max_subtotal 20000]"].sort());
  });

  it("creates an admin user who can sign in, and refuses bad input", async () => {
    let r = kiosk("user", "create", "--email", "ops@shop.test", "--password", "longpassword");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^created admin user ops@shop\.test \(usr_\w+\)$/m);

    r = kiosk("user", "create", "--email", "ops@shop.test", "--password", "longpassword");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^kiosk: a user with the email ops@shop\.test already exists: .* \[KIOSK_USER_EXISTS\]$/);
    r = kiosk("user", "create", "--email", "short@shop.test", "--password", "short");
    expect(r.stderr.trim()).toBe("kiosk: --password must have at least 8 characters [KIOSK_BAD_ARGUMENT]");
    r = kiosk("user", "create", "--email", "not-an-email", "--password", "longpassword");
    expect(r.stderr.trim()).toBe("kiosk: --email must be an email address [KIOSK_BAD_ARGUMENT]");

    const server = await framework.startTestServer({ projectDir: dir, databaseUrl: env.DATABASE_URL, migrate: false });
    try {
      const login = await server.request("/admin/auth/token", { body: { email: "ops@shop.test", password: "longpassword" } });
      expect(login.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
