import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kioskIn } from "../helpers/processes";

const HEADER = "Product Handle,Product Title,Product Status,Variant Title,Variant SKU,Variant Inventory Quantity,Option 1 Name,Option 1 Value,Price USD";

describe.each(DATABASES)("kiosk search reindex ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  let kiosk: ReturnType<typeof kioskIn>;

  beforeAll(async () => {
    dir = copyFixture("basic");
    db = await suiteDatabase(name, "search_cli");
    kiosk = kioskIn(dir, { DATABASE_URL: db.url, NODE_ENV: "development" });
    const migrated = kiosk("migrate");
    expect(migrated.status, migrated.stderr).toBe(0);
  }, 60_000);

  /** Runs SQL on the project's database behind Kiosk's back (to make the index stale). */
  async function behindTheBack(statements: string[]): Promise<void> {
    if (!db.url) {
      const file = new Database(path.join(dir, ".kiosk", "kiosk.sqlite"));
      for (const statement of statements) file.prepare(statement).run();
      file.close();
      return;
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    for (const statement of statements) await client.query(statement);
    await client.end();
  }

  afterAll(async () => {
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it("rebuilds the index from the catalog in one line: published products indexed, others left out", async () => {
    const empty = kiosk("search", "reindex");
    expect(empty.status, empty.stderr).toBe(0);
    expect(empty.stdout).toMatch(/^reindexed products: 0 indexed, 0 removed in \d+\.\ds\n$/);

    const file = path.join(dir, "catalog.csv");
    fs.writeFileSync(file, [HEADER, "tee,Linen tee,published,Small,TEE-S,4,Size,S,1500", "cap,Wool cap,draft,Default,CAP-1,9,,,900"].join("\n") + "\n");
    expect(kiosk("import", "products", file).status).toBe(0);
    const full = kiosk("search", "reindex");
    expect(full.status, full.stderr).toBe(0);
    expect(full.stdout).toMatch(/^reindexed products: 1 indexed, 0 removed in \d+\.\ds\n$/);

    // An index gone stale (a document lost, one of a product that no longer exists) is rebuilt.
    await behindTheBack([`DELETE FROM "product_search"`, `INSERT INTO "product_search" ("product_id", "document") VALUES ('prod_gone', 'ghost')`]);
    const rebuilt = kiosk("search", "reindex");
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/^reindexed products: 1 indexed, 1 removed in \d+\.\ds\n$/);
    expect(rebuilt.stderr).toBe("");
  }, 120_000);

  it("refuses extra arguments in one line", () => {
    const bad = kiosk("search", "reindex", "now");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
