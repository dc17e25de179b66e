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
