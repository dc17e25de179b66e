import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore } from "../helpers/create-store";
import { createPostgresDatabase, DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kioskIn } from "../helpers/processes";

const lines = (s: string) => s.split("\n").filter((l) => l.trim() !== "");
const PG_URL = process.env.KIOSK_TEST_DATABASE_URL;

/** A discount of a seed file, in the shape `POST /admin/discounts` takes, its region by name. */
const discount = (extra: Record<string, unknown> = {}) => ({
  code: "WELCOME10",
  rule: { type: "percentage", value: 10, allocation: "total" },
  regions: ["Europe"],
  starts_at: "2024-05-01",
  ends_at: "2030-01-01T00:00:00Z",
  ...extra,
});

describe.each(DATABASES)("dates in a seed file ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  let kiosk: ReturnType<typeof kioskIn>;
  const seedWith = (discounts: unknown[]) => {
    const file = path.join(dir, "discounts.json");
    fs.writeFileSync(file, JSON.stringify({ regions: [{ name: "Europe", currency_code: "eur", countries: ["de"] }], discounts }));
    return kiosk("seed", "--file", file);
  };

  beforeAll(async () => {
    dir = copyFixture("store");
    db = await suiteDatabase(name, "seed_dates");
    kiosk = kioskIn(dir, { DATABASE_URL: db.url });
    expect(kiosk("migrate").status).toBe(0);
  });

  afterAll(async () => {
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it.each(["next monday", "05/01/2024", "2024-05-01T12:00", "2023-02-29", 1714560000])("refuses the date %j in one line naming the entry", (bad) => {
    const r = seedWith([discount({ starts_at: bad })]);
    expect(r.status).not.toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(/^kiosk: .*discounts\.json: discounts\.0\.starts_at: expected an ISO 8601 date, such as 2024-05-01 .*\[KIOSK_SEED_INVALID\]$/);
  });

  it("loads discounts with ISO dates, and skips them the second time", () => {
    const first = seedWith([discount()]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^discounts\s+1 created$/m);
    const second = seedWith([discount()]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^discounts\s+0 created, 1 already there$/m);
  });
});

describe("kiosk generate entity with a field without a type", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyFixture("basic");
  });
  afterAll(() => dir && removeProject(dir));

  it("is refused with the list of types, writing nothing", () => {
    const r = kioskIn(dir)("g", "entity", "Post", "title", "body:text");
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toBe(
      'kiosk: invalid field "title": no type; write title:<type> with one of string, text, int, bigint, float, decimal, boolean, date, datetime, json, uuid, enum(a|b), belongs-to [KIOSK_INVALID_FIELD]',
    );
    expect(fs.existsSync(path.join(dir, "src", "models", "post.ts"))).toBe(false);
  });
});

describe.skipIf(!PG_URL)("create-store --db-url to a database that already holds tables", () => {
  let root: string;
  let db: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-create-store-used-db-"));
    db = await createPostgresDatabase("used");
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query("CREATE TABLE invoices (id integer PRIMARY KEY)");
    await client.end();
  });

  afterAll(async () => {
    await db?.drop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it("refuses in one line and creates nothing", async () => {
    const r = await createStore(root, ["shop", "--yes", "--db-url", db.url]);
    expect(r.status, r.stdout + r.stderr).not.toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(/^create-store: database "kiosk_test_used_\w+" at .* already holds 1 table \(invoices\): name a new database in --db-url \[CREATE_STORE_DB_NOT_EMPTY\]$/);
    expect(fs.readdirSync(root)).toEqual([]);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(rows).toEqual([{ table_name: "invoices" }]);
    } finally {
      await client.end();
    }
  });
});
