import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kioskIn } from "../helpers/processes";

const HEADER = "Product Handle,Product Title,Product Status,Variant Title,Variant SKU,Variant Inventory Quantity,Option 1 Name,Option 1 Value,Price USD";

describe.each(DATABASES)("kiosk import products ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  let kiosk: ReturnType<typeof kioskIn>;

  const csv = (file: string, rows: string[]) => {
    fs.writeFileSync(path.join(dir, file), [HEADER, ...rows].join("\n") + "\n");
    return path.join(dir, file);
  };

  beforeAll(async () => {
    dir = copyFixture("basic");
    db = await suiteDatabase(name, "import_cli");
    kiosk = kioskIn(dir, { DATABASE_URL: db.url, NODE_ENV: "development" });
    const migrated = kiosk("migrate");
    expect(migrated.status, migrated.stderr).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it("imports a CSV, showing progress on stderr, and updates by handle the second time", () => {
    const file = csv("good.csv", ["tee,Tee,published,Small,TEE-S,4,Size,S,1500", "tee,Tee,published,Large,TEE-L,2,Size,L,1600", "cap,Cap,draft,Default,CAP-1,9,,,900"]);
    const first = kiosk("import", "products", file);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout.trim()).toBe(`imported 2 products from ${file} (2 created, 0 updated)`);
    expect(first.stderr).toMatch(/importing products 2\/2 \(100%\)/);
    const again = kiosk("import", "products", file);
    expect(again.stdout.trim()).toBe(`imported 2 products from ${file} (0 created, 2 updated)`);
  }, 60_000);

  it("refuses a bad file in one line naming the bad row, exits non-zero and imports nothing", () => {
    const file = csv("bad.csv", ["scarf,Scarf,published,Default,SCARF-1,1,,,700", "belt,Belt,published,Default,BELT-1,lots,,,700"]);
    const bad = kiosk("import", "products", file);
    expect(bad.status).not.toBe(0);
    const lines = bad.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kiosk: .*bad\.csv: line 3: "Variant Inventory Quantity" must be a whole number, not "lots"; nothing was imported \[KIOSK_BAD_IMPORT_FILE\]$/);
    // The good row of the bad file was not imported: importing it alone creates it.
    const good = kiosk("import", "products", csv("scarf.csv", ["scarf,Scarf,published,Default,SCARF-1,1,,,700"]));
    expect(good.stdout).toMatch(/\(1 created, 0 updated\)/);

    const missing = kiosk("import", "products", path.join(dir, "nope.csv"));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr.trim()).toMatch(/cannot read .*nope\.csv \[KIOSK_FILE_NOT_FOUND\]$/);
  }, 60_000);
});
