import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { KIOSK_BIN } from "../helpers/processes";

describe.each(DATABASES)("kiosk migrate check on $name", ({ name }) => {
  let dir: string;
  const env = { ...process.env, NODE_ENV: "development", DATABASE_URL: name === "postgres" ? process.env.KIOSK_TEST_DATABASE_URL : "" };
  const check = () => spawnSync(process.execPath, [KIOSK_BIN, "migrate", "check", "--cwd", dir], { env, encoding: "utf8" });

  beforeAll(() => {
    dir = copyFixture("basic");
  });
  afterAll(() => removeProject(dir));

  it("passes when the migrations create what the entities describe", () => {
    const result = check();
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toMatch(/^entities and migrations agree \(\d+ migrations\)$/);
    expect(result.status).toBe(0);
  });

  it("fails, naming the change, when an entity gains a column without a migration", () => {
    const model = path.join(dir, "src", "models", "note.ts");
    const source = fs.readFileSync(model, "utf8");
    fs.writeFileSync(model, source.replace("  stars: number;", '  stars: number;\n\n  @Column({ type: "text", nullable: true })\n  body: string | null;'));
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/"body" text/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/entities and migrations disagree .* \[KIOSK_MIGRATIONS_OUT_OF_DATE\]$/m);
    fs.writeFileSync(model, source);
  });

  it(`treats an integer column the entity widens to bigint as ${name === "sqlite" ? "the same type on SQLite" : "a change on PostgreSQL"}`, () => {
    const model = path.join(dir, "src", "models", "note.ts");
    const source = fs.readFileSync(model, "utf8");
    fs.writeFileSync(model, source.replace('@Column({ type: "integer", default: 0 })\n  stars', '@Column({ type: "bigint", default: 0 })\n  stars'));
    expect(fs.readFileSync(model, "utf8")).toContain('"bigint"');
    const result = check();
    if (name === "sqlite") {
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    } else {
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/"stars".*bigint/);
    }
    fs.writeFileSync(model, source);
  });
});
