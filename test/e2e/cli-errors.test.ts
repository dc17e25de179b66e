import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE_STORE_BIN } from "../helpers/create-store";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { KIOSK_BIN, kioskIn, run } from "../helpers/processes";

const lines = (s: string) => s.split("\n").filter((l) => l.trim() !== "");

/** A failed command: non-zero, and exactly one line on stderr matching `pattern`. */
function expectOneErrorLine(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.status, r.stdout + r.stderr).not.toBe(0);
  expect(r.status).not.toBeNull();
  expect(lines(r.stderr), r.stderr).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(pattern);
}

describe("commander's errors are one line like every other error", () => {
  const kiosk = (...args: string[]) => run(process.execPath, [KIOSK_BIN, ...args]);

  it.each([
    [["migrat"], /^kiosk: unknown command 'migrat' \(did you mean migrate\?\) \(see kiosk --help\) \[KIOSK_UNKNOWN_COMMAND\]$/],
    [["g", "entiti", "Post"], /^kiosk: unknown command 'entiti' \(did you mean entity\?\) .*\[KIOSK_UNKNOWN_COMMAND\]$/],
    [["nonsense"], /^kiosk: unknown command 'nonsense' .*\[KIOSK_UNKNOWN_COMMAND\]$/],
    [["migrate", "revert", "--stpes", "2"], /^kiosk: unknown option '--stpes' \(did you mean --steps\?\) \(see kiosk migrate revert --help\) \[KIOSK_UNKNOWN_OPTION\]$/],
    [["build", "extra"], /^kiosk: too many arguments for 'build'.* \(see kiosk build --help\) \[KIOSK_BAD_ARGUMENT\]$/],
    [["user", "create", "--email", "a@b.test"], /^kiosk: required option '-p, --password <password>' not specified .*\[KIOSK_BAD_ARGUMENT\]$/],
  ])("kiosk %j", (args, pattern) => {
    const r = kiosk(...args);
    expectOneErrorLine(r, pattern);
    expect(r.stdout).toBe("");
  });

  it("create-store's too", () => {
    const r = run(process.execPath, [CREATE_STORE_BIN, "--bogus"]);
    expectOneErrorLine(r, /^create-store: unknown option '--bogus' .*\[CREATE_STORE_UNKNOWN_OPTION\]$/);
  });

  it("help and the version still print, and exit 0", () => {
    const help = kiosk("migrate", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: kiosk migrate/);
    const version = kiosk("--version");
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe.each(DATABASES)("a careless user's migrations and destroys ($name)", ({ name }) => {
  let dir: string;
  let db: { url: string | undefined; drop: () => Promise<void> };
  let kiosk: ReturnType<typeof kioskIn>;
  const exists = (file: string) => fs.existsSync(path.join(dir, file));
  const migrationFile = (stem: string) => fs.readdirSync(path.join(dir, "src", "migrations")).find((f) => f.endsWith(`-${stem}.ts`));

  beforeAll(async () => {
    dir = copyFixture("basic");
    db = await suiteDatabase(name, "cli_errors");
    kiosk = kioskIn(dir, { DATABASE_URL: db.url });
  });

  afterAll(async () => {
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it("a second `user create` with the same email is one line, KIOSK_USER_EXISTS", () => {
    expect(kiosk("migrate").status).toBe(0);
    const first = kiosk("user", "create", "--email", "twice@shop.test", "--password", "supersecret");
    expect(first.status, first.stderr).toBe(0);
    const second = kiosk("user", "create", "--email", "twice@shop.test", "--password", "supersecret");
    expectOneErrorLine(second, /^kiosk: a user with the email twice@shop\.test already exists.* \[KIOSK_USER_EXISTS\]$/);
  });

  it("destroying what was never generated exits non-zero and removes nothing", () => {
    const r = kiosk("destroy", "entity", "Ghost", "name:string");
    expectOneErrorLine(r, /^kiosk: nothing to destroy: src\/models\/ghost\.ts is not there.* \[KIOSK_DESTROY_NOTHING\]$/);
    expect(kiosk("d", "service", "ghost").status).not.toBe(0);
  });

  it("destroy migration refuses one that has run, and works once it is reverted", () => {
    expect(kiosk("g", "migration", "add-nothing").status).toBe(0);
    const file = `src/migrations/${migrationFile("add-nothing")}`;
    expect(kiosk("migrate").status).toBe(0);
    const refused = kiosk("destroy", "migration", "add-nothing");
    expectOneErrorLine(refused, /^kiosk: src\/migrations\/\d{13}-add-nothing\.ts has run on the database: undo it first with `kiosk migrate revert`, then destroy; nothing removed \[KIOSK_MIGRATION_APPLIED\]$/);
    expect(exists(file)).toBe(true);
    expect(kiosk("migrate", "revert").status).toBe(0);
    const destroyed = kiosk("destroy", "migration", "add-nothing");
    expect(destroyed.status, destroyed.stderr).toBe(0);
    expect(exists(file)).toBe(false);
  });

  it("destroy entity after its migration ran says how many steps to revert first", () => {
    expect(kiosk("g", "entity", "Coupon", "code:string").status).toBe(0);
    expect(kiosk("g", "migration", "after-coupon").status).toBe(0);
    expect(kiosk("migrate").status).toBe(0);
    const refused = kiosk("destroy", "entity", "Coupon", "code:string");
    expectOneErrorLine(refused, /^kiosk: src\/migrations\/\d{13}-create-coupon\.ts has run on the database: undo it first with `kiosk migrate revert --steps 2` \(it is 2 migrations back\), then destroy; nothing removed \[KIOSK_MIGRATION_APPLIED\]$/);
    expect(exists("src/models/coupon.ts")).toBe(true);
    expect(kiosk("migrate", "revert", "--steps", "2").status).toBe(0);
    expect(kiosk("destroy", "migration", "after-coupon").status).toBe(0);
    expect(kiosk("destroy", "entity", "Coupon", "code:string").status).toBe(0);
    expect(exists("src/models/coupon.ts")).toBe(false);
  });

  it("`migrate revert` of a migration whose file is gone names the file and what to do", () => {
    expect(kiosk("g", "entity", "Voucher", "code:string").status).toBe(0);
    expect(kiosk("migrate").status).toBe(0);
    const file = migrationFile("create-voucher")!;
    const aside = path.join(os.tmpdir(), `${process.pid}-${file}`);
    fs.renameSync(path.join(dir, "src", "migrations", file), aside);
    try {
      const r = kiosk("migrate", "revert");
      expectOneErrorLine(
        r,
        new RegExp(`^kiosk: the last migration run, CreateVoucher\\d{13}, has no file any more \\(src/migrations/${file.replace(".", "\\.")}\\): restore it .*\\[KIOSK_MIGRATION_MISSING\\]$`),
      );
    } finally {
      fs.renameSync(aside, path.join(dir, "src", "migrations", file));
    }
    const reverted = kiosk("migrate", "revert");
    expect(reverted.status, reverted.stderr).toBe(0);
    expect(reverted.stdout).toMatch(/^reverted CreateVoucher\d{13}$/m);
  });
});
