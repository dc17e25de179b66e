import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kioskIn } from "../helpers/processes";

const config = (customFields: unknown) => `import { defineConfig } from "kiosk";\n\nexport default defineConfig({ customFields: ${JSON.stringify(customFields)} });\n`;

describe.each(DATABASES)("custom fields through the kiosk bin on $name", ({ name }) => {
  let dir: string;
  let drop: () => Promise<void>;
  let kiosk: ReturnType<typeof kioskIn>;

  beforeAll(async () => {
    dir = copyFixture("store");
    const database = await suiteDatabase(name, "fields_e2e");
    drop = database.drop;
    kiosk = kioskIn(dir, { DATABASE_URL: database.url ?? "" });
    expect(kiosk("migrate").status).toBe(0);
  });
  afterAll(async () => {
    await drop?.();
    removeProject(dir);
  });

  it("migrate generate writes a field's column and index; migrate runs it; migrate check is clean", () => {
    fs.writeFileSync(path.join(dir, "kiosk.config.ts"), config({ product: { brand: { type: "string", index: true } }, customer: { tier: { type: "enum", values: ["gold", "silver"], default: "silver", nullable: false } } }));
    const drift = kiosk("migrate", "check");
    expect(drift.status).toBe(1);
    expect(drift.stdout).toMatch(/"brand"/);

    const generated = kiosk("migrate", "generate", "add-brand");
    expect(generated.stderr).toBe("");
    expect(generated.status).toBe(0);
    const [file] = fs.readdirSync(path.join(dir, "src", "migrations"));
    const source = fs.readFileSync(path.join(dir, "src", "migrations", file), "utf8");
    expect(source).toContain('addColumn(\n      "product",\n      new TableColumn({ name: "brand", type: "varchar", isNullable: true }),');
    expect(source).toContain('new TableColumn({ name: "tier", type: "varchar", default: "\'silver\'" })');
    expect(source).toMatch(/createIndex\(\s*"product",\s*new TableIndex\(\{ name: "IDX_\w+", columnNames: \["brand"\] \}\)/);

    const migrated = kiosk("migrate");
    expect(migrated.status, migrated.stderr).toBe(0);
    const check = kiosk("migrate", "check");
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it.each([
    [{ produce: { brand: { type: "string" } } }, /invalid value at "customFields\.produce": no entity takes custom fields under that name \(known: .*product.*\)/],
    [{ product: { title: { type: "string" } } }, /invalid value at "customFields\.product\.title": product already has a column or relation named title/],
    [{ product: { size: { type: "enum" } } }, /invalid value at "customFields\.product\.size\.values": an enum field needs its values/],
    [{ product: { size: { type: "decimal" } } }, /invalid value at "customFields\.product\.size\.type"/],
    [{ customer: { points: { type: "int", nullable: false } } }, /invalid value at "customFields\.customer\.points\.default": a field that is not nullable needs a default/],
    [{ product: { Brand: { type: "string" } } }, /invalid value at "customFields\.product\.Brand"/],
  ])("refuses a bad customFields entry in one line naming its key: %j", (fields, message) => {
    fs.writeFileSync(path.join(dir, "kiosk.config.ts"), config(fields));
    const result = kiosk("migrate", "check");
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe("kiosk generate field", () => {
  let dir: string;
  let kiosk: ReturnType<typeof kioskIn>;
  const configText = () => fs.readFileSync(path.join(dir, "kiosk.config.ts"), "utf8");
  const migrations = () => (fs.existsSync(path.join(dir, "src", "migrations")) ? fs.readdirSync(path.join(dir, "src", "migrations")) : []);

  beforeAll(() => {
    dir = copyFixture("store");
    kiosk = kioskIn(dir, { DATABASE_URL: "" });
  });
  afterAll(() => removeProject(dir));

  it("--dry-run shows the config edit and the migration and writes nothing", () => {
    const before = configText();
    const result = kiosk("generate", "field", "product", "brand:string:index", "--dry-run");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('+  customFields: { product: { brand: { type: "string", index: true } } },');
    expect(result.stdout).toMatch(/create\s+src\/migrations\/\d{13}-add-product-brand\.ts/);
    expect(configText()).toBe(before);
    expect(migrations()).toEqual([]);
  });

  it("edits kiosk.config.ts and writes the migration, idempotently; migrate runs it and check is clean", () => {
    expect(kiosk("migrate").status).toBe(0);
    expect(kiosk("generate", "field", "product", "brand:string:index").status).toBe(0);
    expect(kiosk("generate", "field", "cart", "gift_note:text:store").status).toBe(0);
    const again = kiosk("generate", "field", "product", "brand:string:index");
    expect(again.stdout).toMatch(/identical\s+kiosk\.config\.ts/);
    expect(configText()).toContain('customFields: { product: { brand: { type: "string", index: true } }, cart: { gift_note: { type: "text", store: "write" } } }');
    expect(migrations()).toHaveLength(2);
    expect(kiosk("migrate").status).toBe(0);
    const check = kiosk("migrate", "check");
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("destroy refuses a field whose migration has run, and removes it once reverted", () => {
    const refused = kiosk("destroy", "field", "cart", "gift_note");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/has run on the database/);
    expect(kiosk("migrate", "revert").status).toBe(0);
    const destroyed = kiosk("destroy", "field", "cart", "gift_note");
    expect(destroyed.status, destroyed.stderr).toBe(0);
    expect(configText()).toContain('customFields: { product: { brand: { type: "string", index: true } } }');
    expect(configText()).not.toContain("gift_note");
    expect(migrations()).toHaveLength(1);
    expect(kiosk("migrate", "check").status).toBe(0);
  });

  it("refuses an unknown entity or type in one line", () => {
    const entity = kiosk("generate", "field", "produce", "brand:string");
    expect(entity.status).toBe(1);
    expect(entity.stderr.trim()).toMatch(/^kiosk: "produce" takes no custom fields \(one of .*product.*\) \[KIOSK_GENERATE_ARGS\]$/);
    const type = kiosk("generate", "field", "product", "size:decimal");
    expect(type.status).toBe(1);
    expect(type.stderr).toMatch(/unknown type "decimal"/);
  });
});
