import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { KIOSK_BIN, cleanEnv } from "../helpers/processes";

const TAG_MODEL = `import { Column, Entity, Index, KioskEntity } from "kiosk";

@Entity("tag")
@Index(["slug"], { unique: true })
export class Tag extends KioskEntity {
  static idPrefix = "tag";

  @Column({ type: "varchar" })
  slug: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "integer", default: 0 })
  uses: number;

  @Column({ type: "bigint", default: 0 })
  views: string;

  @Column({ type: "datetime", nullable: true })
  archived_at: Date | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
`;

/** The whole output when the entities and the database agree: the action log's one note. */
const NO_CHANGES = /^note\s+no changes: entities and database agree$/;

/** A new `tag` entity and a new `note.color` column: two schema changes. Idempotent. */
function changeEntities(dir: string): void {
  fs.writeFileSync(path.join(dir, "src", "models", "tag.ts"), TAG_MODEL);
  const noteFile = path.join(dir, "src", "models", "note.ts");
  const note = fs.readFileSync(noteFile, "utf8");
  if (note.includes("color")) return;
  fs.writeFileSync(
    noteFile,
    note.replace("  stars: number;", '  stars: number;\n\n  @Column({ type: "varchar", length: 40, nullable: true })\n  color: string | null;'),
  );
}

describe.each(DATABASES)("kiosk migrate generate on $name", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };

  function kiosk(...args: string[]) {
    const env = cleanEnv({ DATABASE_URL: db.url ?? "" });
    const r = spawnSync(process.execPath, [KIOSK_BIN, ...args, "--cwd", dir], { env, encoding: "utf8", timeout: 20_000 });
    return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
  }
  const migrationFiles = () => fs.readdirSync(path.join(dir, "src", "migrations")).sort();

  beforeAll(async () => {
    dir = copyFixture("basic");
    db = await suiteDatabase(name, "generate");
    const migrated = kiosk("migrate");
    expect(migrated.stderr).toBe("");
    expect(migrated.status).toBe(0);
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it("says so, and writes nothing, when the entities and the database agree", () => {
    const before = migrationFiles();
    const result = kiosk("migrate", "generate", "nothing");
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toMatch(NO_CHANGES);
    expect(result.status).toBe(0);
    expect(migrationFiles()).toEqual(before);
  });

  it.each(["add tag", "2-tags", "add_tag", "../x"])("rejects the name %j in one line, writing nothing", (bad) => {
    const before = migrationFiles();
    const result = kiosk("migrate", "generate", bad);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/a migration name is a word .* \[KIOSK_BAD_ARGUMENT\]$/m);
    expect(migrationFiles()).toEqual(before);
  });

  it("--dry-run prints the plan with the migration as a diff, and writes nothing", () => {
    changeEntities(dir);
    const before = migrationFiles();
    const result = kiosk("migrate", "generate", "addTag", "--dry-run");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^create\s+src\/migrations\/\d{13}-add-tag\.ts$/);
    expect(result.stdout).toMatch(/^\+\s+await queryRunner\.addColumn\($/m);
    expect(result.stdout).toMatch(/^\+export class AddTag\d{13} implements MigrationInterface \{$/m);
    expect(lines.at(-2)).toMatch(/^note\s+2 schema changes from the entities$/);
    expect(lines.at(-1)).toBe("dry run: nothing written");
    expect(migrationFiles()).toEqual(before);
  });

  it("writes one portable migration for a new entity and a new column; it runs, checks and reverts", () => {
    changeEntities(dir);

    const before = migrationFiles();
    const generated = kiosk("migrate", "generate", "addTag");
    expect(generated.stderr).toBe("");
    expect(generated.status).toBe(0);
    const added = migrationFiles().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{13}-add-tag\.ts$/);
    expect(generated.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^create\\s+src/migrations/${added[0]}$`)),
      expect.stringMatching(/^note\s+2 schema changes from the entities$/),
    ]);

    const stamp = added[0].slice(0, 13);
    const source = fs.readFileSync(path.join(dir, "src", "migrations", added[0]), "utf8");
    // Only "kiosk" imports, the QueryRunner schema API, portable types, no SQL.
    expect(source.match(/^import .*$/gm)).toEqual([
      'import { Table, TableColumn, type MigrationInterface, type QueryRunner } from "kiosk";',
    ]);
    expect(source).toContain(`export class AddTag${stamp} implements MigrationInterface {`);
    expect(source).toContain(`  name = "AddTag${stamp}";`);
    expect(source).not.toMatch(/queryRunner\.query\(|CREATE |ALTER |timestamptz|"json"|character varying/);
    expect(source).toContain('        name: "tag",');
    for (const column of [
      '{ name: "id", type: "varchar", isPrimary: true }',
      '{ name: "slug", type: "varchar" }',
      '{ name: "description", type: "text", isNullable: true }',
      '{ name: "uses", type: "integer", default: 0 }',
      // SQLite stores bigint as its one integer type, yet a bigint is generated bigint, for PostgreSQL.
      '{ name: "views", type: "bigint", default: 0 }',
      '{ name: "archived_at", type: "datetime", isNullable: true }',
      '{ name: "metadata", type: "jsonb", isNullable: true }',
    ]) {
      expect(source).toContain(`          ${column},\n`);
    }
    expect(source).toMatch(/indices: \[\{ name: "IDX_\w+", columnNames: \["slug"\], isUnique: true \}\]/);
    expect(source).toContain(
      '    await queryRunner.addColumn(\n      "project_note",\n      new TableColumn({ name: "color", type: "varchar", length: 40, isNullable: true }),\n    );',
    );
    expect(source).toContain(
      '  async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn("project_note", "color");\n    await queryRunner.dropTable("tag");\n  }',
    );

    const ran = kiosk("migrate", "run");
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(new RegExp(`ran\\s+AddTag${stamp}`));

    const check = kiosk("migrate", "check");
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);

    const again = kiosk("migrate", "generate", "again");
    expect(again.stdout.trim()).toMatch(NO_CHANGES);
    expect(again.status).toBe(0);
    expect(migrationFiles()).toEqual([...before, added[0]].sort());

    const reverted = kiosk("migrate", "revert");
    expect(reverted.stderr).toBe("");
    expect(reverted.stdout.trim()).toBe(`reverted AddTag${stamp}`);
    expect(reverted.status).toBe(0);

    // down() left the schema as it was: up() applies again cleanly.
    const rerun = kiosk("migrate", "run");
    expect(rerun.stderr).toBe("");
    expect(rerun.status).toBe(0);
    expect(kiosk("migrate", "generate", "again").stdout.trim()).toMatch(NO_CHANGES);
  });
});
